package io.nl2q.hub.warehouse;

import com.zaxxer.hikari.HikariDataSource;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.TenantRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A tenant's warehouse over JDBC: an answering pool whose every query runs inside the dialect's read-only session
 * bound to the tenant schema, and a writer pool for loaders.
 */
final class JdbcTenantWarehouse implements TenantWarehouse, AutoCloseable {
    private final TenantRef tenant;
    private final SqlDialect dialect;
    private final HikariDataSource answering;
    private final HikariDataSource writer;
    private final AtomicReference<Set<String>> tables = new AtomicReference<>();

    JdbcTenantWarehouse(TenantRef tenant, SqlDialect dialect, HikariDataSource answering, HikariDataSource writer) {
        this.tenant = tenant;
        this.dialect = dialect;
        this.answering = answering;
        this.writer = writer;
    }

    @Override
    public TenantRef tenant() {
        return tenant;
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    /** Read once from the JDBC metadata of the tenant schema, then cached until {@link #refreshTables()}. */
    @Override
    public Set<String> tables() {
        Set<String> cached = tables.get();
        if (cached != null) {
            return cached;
        }
        try (Connection c = answering.getConnection()) {
            Set<String> read = readTables(c);
            tables.set(read);
            return read;
        } catch (SQLException e) {
            throw WarehouseErrors.map(e, tenant.id());
        }
    }

    void refreshTables() {
        tables.set(null);
    }

    @Override
    public QueryResult query(String guardedSql, List<?> parameters, Duration timeout, int maxRows) {
        Connection c;
        try {
            c = answering.getConnection();
        } catch (SQLException e) {
            throw WarehouseErrors.unavailable(tenant.id(), e);
        }
        boolean clean = false;
        try {
            execute(c, dialect.readOnlySessionSetup(tenant.schema(), timeout));
            QueryResult result;
            // prepared: one statement in the extended protocol on PostgreSQL; the guard has had the engine's own
            // parser confirm the text is exactly one SELECT
            try (var statement = c.prepareStatement(guardedSql)) {
                statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
                statement.setMaxRows(maxRows + 1);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (var rs = statement.executeQuery()) {
                    result = ResultRows.read(rs, maxRows);
                }
            }
            clean = teardown(c);
            return result;
        } catch (SQLException e) {
            clean = teardown(c);
            throw WarehouseErrors.map(e, tenant.id());
        } finally {
            release(c, clean);
        }
    }

    @Override
    public DataSource writer() {
        return writer;
    }

    @Override
    public void close() {
        answering.close();
        writer.close();
    }

    /** A new statement per step: DuckDB closes a statement whose execution failed. */
    private static void execute(Connection c, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (var s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    private boolean teardown(Connection c) {
        try {
            execute(c, dialect.readOnlySessionTeardown());
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A connection whose read-only session could not be closed never goes back to the pool. */
    private void release(Connection c, boolean clean) {
        if (!clean) {
            answering.evictConnection(c);
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            answering.evictConnection(c);
        }
    }

    private Set<String> readTables(Connection c) throws SQLException {
        boolean schemas = dialect.hasSchemas();
        String schema = switch (dialect.identifierCase()) {
            case UPPER -> tenant.schema().toUpperCase(Locale.ROOT);
            default -> tenant.schema();
        };
        var names = new TreeSet<String>();
        // types differ by driver (DuckDB says BASE TABLE); everything but system and temporary objects counts
        try (var rs = c.getMetaData().getTables(null, schemas ? schema : null, "%", null)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                boolean user = type.contains("TABLE") || type.equals("VIEW");
                if (user && !type.contains("SYSTEM") && !type.contains("TEMP") && !name.startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        return Set.copyOf(names);
    }

    static HubException unknownTenant() {
        return new HubException(io.nl2q.hub.errors.ErrorCode.FORBIDDEN, io.nl2q.hub.errors.Phase.EXECUTE,
                "unknown tenant");
    }
}
