package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.DuckDbAppenderSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The embedded warehouse's load: DuckDB's appender into a temporary table, no SQL per row. */
final class DuckDbStagedLoad extends StagedLoad {
    private DuckDBAppender appender;

    DuckDbStagedLoad(Connection connection, String target, List<String> columns, List<String> types,
                     List<String> keys) throws SQLException {
        super(connection, target, columns, types, keys);
    }

    @Override
    protected String createStaging(String columnDefinitions) {
        return "CREATE OR REPLACE TEMPORARY TABLE " + STAGING + " (" + columnDefinitions + ")";
    }

    @Override
    void row(Object[] values) throws SQLException {
        if (appender == null) {
            appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", STAGING);
        }
        appender.beginRow();
        for (Object value : values) {
            DuckDbAppenderSink.append(appender, value);
        }
        appender.endRow();
    }

    @Override
    protected void endRows() throws SQLException {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }

    @Override
    protected String upsert() {
        // the last row of a key wins: a hash aggregate with arg_max, much cheaper than a window sort of the file
        String values = columns.stream().map(c -> keys.contains(c) ? c : "arg_max(" + c + ", row_no) AS " + c)
                .collect(java.util.stream.Collectors.joining(", "));
        return "INSERT OR REPLACE INTO " + target + " (" + columnList() + ") SELECT " + values + " FROM " + STAGING
                + " GROUP BY " + keyList();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (appender != null) {
                appender.close();
            }
        } catch (SQLException e) {
            // the rollback below discards whatever the appender held
        } finally {
            super.close();
        }
    }
}
