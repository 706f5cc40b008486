package io.nl2q.hub.guard;

import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.Objects;
import java.util.Set;

/**
 * What a statement is checked against: the caller's tenant, the tables of its schema (lower case), the dialect the
 * result is rendered in, and the row cap to inject or clamp.
 */
public record GuardContext(TenantRef tenant, Set<String> tenantTables, SqlDialect dialect, int maxRows) {
    public GuardContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dialect, "dialect");
        tenantTables = Set.copyOf(tenantTables);
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
    }
}
