package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One file's rows on their way into a tenant table, in one transaction: bulk-written into a temporary staging
 * table, then moved into the target by one INSERT ... SELECT that replaces rows of the same key (the last row of
 * the file wins). Until {@link #commit()} nothing is visible; closing without it rolls everything back, and so
 * does a crash, since the transaction never committed.
 */
abstract class StagedLoad implements AutoCloseable {
    static final String STAGING = "boast_staging";
    protected final Connection connection;
    protected final String target;
    protected final List<String> columns;
    protected final List<String> keys;
    private boolean committed;

    /**
     * @param types SQL type of each target column, in the contract's target column order
     */
    StagedLoad(Connection connection, String target, List<String> columns, List<String> types, List<String> keys)
            throws SQLException {
        this.connection = connection;
        this.target = target;
        this.columns = List.copyOf(columns);
        this.keys = List.copyOf(keys);
        connection.setAutoCommit(false);
        var defs = new ArrayList<String>();
        defs.add("row_no BIGINT");
        for (int i = 0; i < columns.size(); i++) {
            defs.add(columns.get(i) + " " + types.get(i));
        }
        execute(createStaging(String.join(", ", defs)));
    }

    /** Opens the load for the warehouse's dialect: DuckDB appender, PostgreSQL COPY. */
    static StagedLoad open(SqlDialect dialect, Connection connection, String schema, FileContract contract,
                           List<String> types) throws SQLException {
        String target = dialect.quoteIdentifier(schema) + "." + contract.targetTable();
        return switch (dialect.id()) {
            case "duckdb" -> new DuckDbStagedLoad(connection, target, contract.targetColumns(), types,
                    contract.keys());
            case "postgresql" -> new PostgresStagedLoad(connection, target, contract.targetColumns(), types,
                    contract.keys());
            default -> throw new UnsupportedOperationException("no BOAST bulk load for " + dialect.id() + " yet");
        };
    }

    protected abstract String createStaging(String columnDefinitions);

    /** A row: the row number in the file, then the target columns' values. */
    abstract void row(Object[] values) throws SQLException;

    /** Ends the bulk write (flushes the appender, ends the COPY). */
    protected abstract void endRows() throws SQLException;

    protected abstract String upsert();

    /** Moves the staged rows into the target and commits; returns the rows written into the target. */
    long commit() throws SQLException {
        endRows();
        long written;
        try (var s = connection.createStatement()) {
            written = s.executeUpdate(upsert());
        }
        execute("DROP TABLE " + STAGING);
        connection.commit();
        committed = true;
        return written;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!committed) {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    protected String columnList() {
        return String.join(", ", columns);
    }

    protected String keyList() {
        return String.join(", ", keys);
    }

    protected String updates() {
        return columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
    }

    protected void execute(String sql) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
