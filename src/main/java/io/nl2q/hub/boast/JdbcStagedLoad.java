package io.nl2q.hub.boast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The load for engines reached through JDBC only: batched INSERTs into a temporary staging table, then one
 * statement keeping the last row of each key. SQLite (tested here) keeps dates as ISO text. Snowflake's driver turns
 * large batches into a stage upload and COPY by itself; SQL Server gets a {@code #} temporary table and MERGE. Those
 * two are rendered by the dialect rules below but not run here: no such server is reachable from this build.
 */
final class JdbcStagedLoad extends StagedLoad {
    private static final int BATCH = 10_000;
    private final String dialect;
    private PreparedStatement insert;
    private int pending;

    JdbcStagedLoad(String dialect, Connection connection, String target, List<String> staged, List<String> keys,
                   String fileColumn, String fileValue) {
        super(connection, target, staged, keys, fileColumn, fileValue);
        this.dialect = dialect;
    }

    @Override
    protected String stagingTable() {
        return dialect.equals("sqlserver") ? "#" + STAGING : STAGING;
    }

    @Override
    protected String createStaging(String columnDefinitions) {
        return switch (dialect) {
            case "sqlite" -> "CREATE TEMP TABLE " + STAGING + " (" + columnDefinitions + ")";
            case "sqlserver" -> "CREATE TABLE #" + STAGING + " (" + columnDefinitions + ")";
            default -> "CREATE TEMPORARY TABLE " + STAGING + " (" + columnDefinitions + ")";
        };
    }

    @Override
    void row(Object[] values) throws SQLException {
        if (insert == null) {
            String marks = String.join(", ", Collections.nCopies(values.length, "?"));
            insert = connection.prepareStatement("INSERT INTO " + stagingTable() + " (row_no, "
                    + String.join(", ", staged) + ") VALUES (" + marks + ")");
        }
        boolean datesAsText = dialect.equals("sqlite");
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            insert.setObject(i + 1, datesAsText && v instanceof LocalDate d ? d.toString() : v);
        }
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    protected void endRows() throws SQLException {
        PreparedStatement open = insert;
        insert = null;
        if (open != null) {
            try (open) {
                if (pending > 0) {
                    open.executeBatch();
                }
            }
        }
    }

    @Override
    protected String upsert() {
        String values = columns.stream().map(c -> select(c, "s." + c)).collect(Collectors.joining(", "));
        String sameKey = keys.stream().map(k -> "l." + k + " = s." + k).collect(Collectors.joining(" AND "));
        String latest = "SELECT " + values + " FROM " + stagingTable() + " s WHERE s.row_no = (SELECT MAX(l.row_no) "
                + "FROM " + stagingTable() + " l WHERE " + sameKey + ")";
        if (dialect.equals("sqlite")) {
            // every column is written, so replacing the row of the same key is an update
            return "INSERT OR REPLACE INTO " + target + " (" + columnList() + ") " + latest;
        }
        String on = keys.stream().map(k -> "t." + k + " = n." + k).collect(Collectors.joining(" AND "));
        String set = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = n." + c)
                .collect(Collectors.joining(", "));
        String aliased = columns.stream().map(c -> select(c, "s." + c) + " AS " + c)
                .collect(Collectors.joining(", "));
        String source = "SELECT " + aliased + " FROM " + stagingTable() + " s WHERE s.row_no = (SELECT MAX(l.row_no) "
                + "FROM " + stagingTable() + " l WHERE " + sameKey + ")";
        return "MERGE INTO " + target + " t USING (" + source + ") n ON " + on
                + (set.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + set)
                + " WHEN NOT MATCHED THEN INSERT (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "n." + c).collect(Collectors.joining(", ")) + ")"
                + (dialect.equals("sqlserver") ? ";" : "");
    }

    @Override
    public void close() throws SQLException {
        try {
            endRows();
        } catch (SQLException e) {
            // the rollback below discards what the batch held
        } finally {
            try {
                super.close();
            } finally {
                if (!dialect.equals("sqlite")) {
                    // Snowflake commits around DDL, so a failed load can leave the session's staging table behind
                    execute("DROP TABLE IF EXISTS " + stagingTable());
                }
            }
        }
    }
}
