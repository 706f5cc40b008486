package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.JdbcBatchSink;
import io.nl2q.hub.warehouse.RowSink.TableWriter;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The load for engines reached through JDBC only: batched INSERTs into a temporary staging table, then one
 * statement keeping the last row of each key. SQLite (tested here) keeps dates as ISO text. Snowflake's driver turns
 * large batches into a stage upload and COPY by itself; SQL Server gets a {@code #} temporary table and MERGE. Those
 * two are rendered by the dialect rules below but not run here: no such server is reachable from this build.
 */
final class JdbcStagedLoad extends SinkStagedLoad {
    private final SqlDialect dialect;

    JdbcStagedLoad(SqlDialect dialect, Connection connection, String target, List<String> staged, List<String> keys,
                   String fileColumn, String fileValue) {
        super(connection, target, staged, keys, fileColumn, fileValue);
        this.dialect = dialect;
    }

    @Override
    protected String stagingTable() {
        return dialect.temporaryTable(STAGING);
    }

    @Override
    protected String createStaging(String columnDefinitions) {
        return dialect.createTemporaryTable(STAGING, columnDefinitions);
    }

    @Override
    protected TableWriter open(WarehouseSchema.Table staging) throws SQLException {
        // no schema: the staging table is the session's own (and SQLite keeps dates as ISO text there too)
        return new JdbcBatchSink(connection, dialect, null).open(staging);
    }

    /**
     * The last row of each key (the highest row number), then INSERT OR REPLACE where the engine
     * has it, else MERGE.
     */
    @Override
    protected String upsert() {
        // one aggregate over the staged rows, not a correlated lookup per row
        String latest = "SELECT " + columns.stream().map(c -> select(c, "s." + c) + " AS " + c)
                .collect(Collectors.joining(", ")) + " FROM " + stagingTable() + " s WHERE s.row_no IN "
                + "(SELECT MAX(row_no) FROM " + stagingTable() + " GROUP BY " + keyList() + ")";
        if (dialect.insertOrReplace()) {
            // every column is written, so replacing the row of the same key is an update
            return "INSERT OR REPLACE INTO " + target + " (" + columnList() + ") " + latest;
        }
        String on = keys.stream().map(k -> "t." + k + " = n." + k).collect(Collectors.joining(" AND "));
        String set = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = n." + c)
                .collect(Collectors.joining(", "));
        return dialect.merge("MERGE INTO " + target + " t USING (" + latest + ") n ON " + on
                + (set.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + set)
                + " WHEN NOT MATCHED THEN INSERT (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "n." + c).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public void close() throws SQLException {
        try {
            super.close();
        } finally {
            if (!dialect.rollbackDropsTemporaryTables()) {
                // Snowflake commits around DDL, so a failed load can leave the session's staging table behind
                execute("DROP TABLE IF EXISTS " + stagingTable());
            }
        }
    }
}
