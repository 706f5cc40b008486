package io.nl2q.hub.semantic;

import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/** A tenant warehouse over one demo DuckDB file, opened read-only, for the engine's tests and the eval. */
public final class DuckDbWarehouse implements TenantWarehouse, AutoCloseable {
    private final TenantRef tenant;
    private final Connection connection;
    private final Set<String> tables = new HashSet<>();

    public DuckDbWarehouse(Path file, String schema) throws SQLException {
        this.tenant = new TenantRef(schema, schema);
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        this.connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
        try (Statement s = connection.createStatement()) {
            s.execute("SET search_path = '" + schema + "'");
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    @Override
    public TenantRef tenant() {
        return tenant;
    }

    @Override
    public SqlDialect dialect() {
        return Dialects.byId("duckdb");
    }

    @Override
    public Set<String> tables() {
        return Set.copyOf(tables);
    }

    @Override
    public QueryResult query(String sql, List<?> parameters, Duration timeout, int maxRows) {
        if (!parameters.isEmpty()) {
            throw new UnsupportedOperationException("the semantic engine's test warehouse binds no parameters");
        }
        return query(sql, timeout, maxRows);
    }

    @Override
    public synchronized QueryResult query(String sql, Duration timeout, int maxRows) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<QueryResult.ResultColumn> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(new QueryResult.ResultColumn(rs.getMetaData().getColumnLabel(i),
                        rs.getMetaData().getColumnTypeName(i)));
            }
            List<List<Object>> rows = new ArrayList<>();
            boolean truncated = false;
            while (rs.next()) {
                if (rows.size() == maxRows) {
                    truncated = true;
                    break;
                }
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new QueryResult(columns, rows, truncated);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    @Override
    public DataSource writer() {
        throw new UnsupportedOperationException("read-only test warehouse");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
