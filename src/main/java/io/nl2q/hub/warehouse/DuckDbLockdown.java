package io.nl2q.hub.warehouse;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The second wall behind the guard on DuckDB: every answering connection opens with file system access off (no
 * read_text, read_csv, a path as a table, COPY ... TO or ATTACH of a file), extension installs off, and then the
 * configuration locked, so no statement can switch them back on with SET or RESET.
 *
 * <p>DuckDB holds these settings per database instance, and all connections of one process to a file share one
 * instance: the writer pool then runs under the same wall. Its loaders only insert, update and append through JDBC,
 * which the wall leaves alone. When every connection has closed, DuckDB drops the instance and its settings; the
 * next answering connection locks the fresh instance again, which is why this runs on each new connection.
 */
final class DuckDbLockdown implements DataSource {
    private static final String[] WALL = {
            "SET enable_external_access = false",
            "SET autoinstall_known_extensions = false",
            "SET lock_configuration = true"};

    private final String url;
    private final Properties properties;
    private PrintWriter logWriter;

    DuckDbLockdown(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    /** Locks the instance {@code c} belongs to unless it is locked already, and verifies the result. */
    static void apply(Connection c) throws SQLException {
        if (!locked(c)) {
            try (Statement s = c.createStatement()) {
                for (String sql : WALL) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                // another connection of the same instance locked it between our check and our SET
                if (!locked(c)) {
                    throw e;
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('enable_external_access')")) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new SQLException("the DuckDB configuration is locked with external access enabled");
            }
        }
    }

    private static boolean locked(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('lock_configuration')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        try {
            apply(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // DuckDB opens a local file; there is no login to time out
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
