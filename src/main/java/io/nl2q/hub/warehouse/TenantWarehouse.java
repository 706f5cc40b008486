package io.nl2q.hub.warehouse;

import io.nl2q.hub.tenancy.TenantRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** One tenant's warehouse: its dialect, its tables, read-only answering, and a writer for loaders. */
public interface TenantWarehouse {

    TenantRef tenant();

    SqlDialect dialect();

    /** Table names (lower case) of the tenant's schema; the only tables the guard lets a query touch. */
    Set<String> tables();

    /**
     * Runs already-guarded SQL on a read-only connection bound to the tenant's schema.
     *
     * @throws io.nl2q.hub.errors.HubException QUERY_TIMEOUT past {@code timeout}, WAREHOUSE_UNAVAILABLE when the
     *                                         database cannot be reached
     */
    default QueryResult query(String guardedSql, Duration timeout, int maxRows) {
        return query(guardedSql, List.of(), timeout, maxRows);
    }

    /**
     * The same with {@code parameters} bound, in order, to the statement's {@code ?} placeholders, so that no caller
     * pastes a value into SQL.
     */
    QueryResult query(String guardedSql, List<?> parameters, Duration timeout, int maxRows);

    /** A read-write pool for loaders (BOAST files, CRM sync); never used to answer questions. */
    DataSource writer();
}
