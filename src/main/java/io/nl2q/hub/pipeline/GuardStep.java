package io.nl2q.hub.pipeline;

import io.nl2q.hub.guard.GuardContext;
import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.guard.SqlGuard;
import io.nl2q.hub.guard.TableLayout;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import org.springframework.stereotype.Component;

/** Checks any SQL, generated or typed, against the caller's tenant before it may run. */
@Component("guardStep")
public class GuardStep {
    private final SqlGuard guard;
    private final WarehouseRegistry warehouses;
    private final WarehouseProperties limits;
    private final TableLayout layout;

    GuardStep(SqlGuard guard, WarehouseRegistry warehouses, WarehouseProperties limits, TenancyProperties tenancy) {
        this.guard = guard;
        this.warehouses = warehouses;
        this.limits = limits;
        this.layout = tenancy.layout() == TenancyProperties.Layout.SHARED_TABLES
                ? TableLayout.sharedTables(tenancy.sharedSchema(), tenancy.tenantColumn())
                : TableLayout.SCHEMA_PER_TENANT;
    }

    public GuardedSql guard(String sql, Caller caller) {
        return guardCapped(sql, caller, null);
    }

    /** The same with a row cap of the caller's choosing; null: the deployment's {@code hub.warehouse.max-rows}. */
    public GuardedSql guardCapped(CharSequence sql, Caller caller, Integer maxRows) {
        // one row over the cap, so the executor can tell a result that was cut from one that fits exactly
        return guard(BoundSql.from(sql), warehouses.forTenant(caller.tenant().id()),
                (maxRows == null ? limits.maxRows() : maxRows) + 1);
    }

    /**
     * Checks SQL against a tenant's warehouse with a row limit of the caller's choosing; every feature that reads a
     * warehouse (question flow, OData feed, CRM insights) goes through here, so all get the deployment's layout.
     */
    public GuardedSql guard(String sql, TenantWarehouse warehouse, int rowLimit) {
        return guard(BoundSql.from(sql), warehouse, rowLimit);
    }

    /** The same for SQL whose values are bound to its {@code ?} placeholders; the guard checks the placeholders. */
    public GuardedSql guard(BoundSql sql, TenantWarehouse warehouse, int rowLimit) {
        return guard.check(sql.text(), sql.parameters(), new GuardContext(warehouse.tenant(), warehouse.tables(),
                warehouse.dialect(), rowLimit, layout));
    }
}
