package io.nl2q.hub.query;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import org.springframework.stereotype.Component;

/** Runs guarded SQL on the caller's tenant warehouse: read-only, time-boxed, row-capped. */
@Component("executeStep")
public class ExecuteStep {
    private final WarehouseRegistry warehouses;
    private final WarehouseProperties limits;

    ExecuteStep(WarehouseRegistry warehouses, WarehouseProperties limits) {
        this.warehouses = warehouses;
        this.limits = limits;
    }

    public QueryResult execute(GuardedSql sql, Caller caller) {
        return warehouses.forTenant(caller.tenant().id())
                .query(sql.sql(), limits.statementTimeout(), limits.maxRows());
    }
}
