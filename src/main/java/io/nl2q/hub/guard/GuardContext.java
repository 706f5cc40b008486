package io.nl2q.hub.guard;

import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.Objects;
import java.util.Set;

/**
 * What a statement is checked against: the caller's tenant, the tables it may read (lower case), the dialect the
 * result is rendered in, the row cap to inject or clamp, and the layout that says where the tenant's rows live.
 */
public record GuardContext(TenantRef tenant, Set<String> tenantTables, SqlDialect dialect, int maxRows,
                           TableLayout layout) {
    public GuardContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(layout, "layout");
        tenantTables = Set.copyOf(tenantTables);
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
    }

    /** A context for the schema-per-tenant layout. */
    public GuardContext(TenantRef tenant, Set<String> tenantTables, SqlDialect dialect, int maxRows) {
        this(tenant, tenantTables, dialect, maxRows, TableLayout.SCHEMA_PER_TENANT);
    }
}
