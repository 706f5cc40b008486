package io.nl2q.hub.powerbi;

import io.nl2q.hub.pipeline.BoundSql;
import io.nl2q.hub.pipeline.ExecuteStep;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import org.springframework.stereotype.Component;

/** Runs the feed's compiled SQL: through the guard, then read-only and time-boxed on the caller's warehouse. */
@Component
class FeedQueries {
    private final ExecuteStep execute;
    private final WarehouseRegistry warehouses;

    FeedQueries(ExecuteStep execute, WarehouseRegistry warehouses) {
        this.execute = execute;
        this.warehouses = warehouses;
    }

    SqlDialect dialect(Caller caller) {
        return warehouses.forTenant(caller.tenant().id()).dialect();
    }

    QueryResult rows(Caller caller, String sql, int maxRows) {
        return execute.guardedRead(sql, warehouses.forTenant(caller.tenant().id()), maxRows);
    }

    /** The same with the values of the SQL's placeholders bound when it runs. */
    QueryResult rows(Caller caller, FeedSql sql, int maxRows) {
        return rows(caller, new BoundSql(sql.text(), sql.values()), maxRows);
    }

    private QueryResult rows(Caller caller, BoundSql sql, int maxRows) {
        return execute.guardedRead(sql, warehouses.forTenant(caller.tenant().id()), maxRows);
    }
}
