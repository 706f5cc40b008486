package io.nl2q.hub.pipeline;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import org.springframework.stereotype.Component;

/** Runs guarded SQL on the caller's tenant warehouse: read-only, time-boxed, row-capped. */
@Component("executeStep")
public class ExecuteStep {
    private final WarehouseRegistry warehouses;
    private final WarehouseProperties limits;
    private final GuardStep guard;

    ExecuteStep(WarehouseRegistry warehouses, WarehouseProperties limits, GuardStep guard) {
        this.warehouses = warehouses;
        this.limits = limits;
        this.guard = guard;
    }

    /** Cut at {@code maxRows} rows when given (null: {@code hub.warehouse.max-rows}). */
    public QueryResult execute(GuardedSql sql, Caller caller, Integer maxRows) {
        return warehouses.forTenant(caller.tenant().id())
                .query(sql.sql(), sql.parameters(), limits.statementTimeout(),
                        maxRows == null ? limits.maxRows() : maxRows);
    }

    /**
     * Guards and runs SQL on a tenant's warehouse with a row cap of the caller's choosing: the one read path of the
     * features outside the question flow (OData feed, CRM insights and widget), so each gets the same guard, layout,
     * statement timeout and truncation. A {@link BoundSql} carries the values of its placeholders.
     */
    public QueryResult guardedRead(CharSequence sql, TenantWarehouse warehouse, int maxRows) {
        GuardedSql guarded = guard.guard(BoundSql.from(sql), warehouse, maxRows + 1);
        return warehouse.query(guarded.sql(), guarded.parameters(), limits.statementTimeout(), maxRows);
    }
}
