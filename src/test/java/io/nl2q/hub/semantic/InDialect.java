package io.nl2q.hub.semantic;

import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** The demo warehouse's tables seen through another dialect, to check what the engine renders for it. */
record InDialect(TenantWarehouse data, SqlDialect dialect) implements TenantWarehouse {

    public TenantRef tenant() {
        return new TenantRef(dialect.id(), "acme");
    }

    public Set<String> tables() {
        return data.tables();
    }

    public QueryResult query(String sql, List<?> parameters, Duration timeout, int rows) {
        return data.query(sql, parameters, timeout, rows);
    }

    public DataSource writer() {
        throw new UnsupportedOperationException("read-only");
    }
}
