package io.nl2q.hub.powerbi;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.query.GuardStep;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import org.springframework.stereotype.Component;

/** Runs the feed's compiled SQL: through the guard, then read-only and time-boxed on the caller's warehouse. */
@Component
class FeedQueries {
    private final GuardStep guard;
    private final WarehouseRegistry warehouses;
    private final WarehouseProperties limits;

    FeedQueries(GuardStep guard, WarehouseRegistry warehouses, WarehouseProperties limits) {
        this.guard = guard;
        this.warehouses = warehouses;
        this.limits = limits;
    }

    SqlDialect dialect(Caller caller) {
        return warehouses.forTenant(caller.tenant().id()).dialect();
    }

    QueryResult rows(Caller caller, String sql, int maxRows) {
        TenantWarehouse warehouse = warehouses.forTenant(caller.tenant().id());
        GuardedSql guarded = guard.guard(sql, warehouse, maxRows);
        return warehouse.query(guarded.sql(), limits.statementTimeout(), maxRows);
    }
}
