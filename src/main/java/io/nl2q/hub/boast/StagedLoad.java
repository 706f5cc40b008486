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
    /** Every target column written: the staged ones, then the file column if any. */
    protected final List<String> columns;
    protected final List<String> staged;
    protected final List<String> keys;
    private final String fileValue;
    private boolean committed;

    /**
     * @param staged       the columns written row by row, in the contract's column order
     * @param fileColumn   the target column that gets the same value in every row (the file's name), or null
     * @param fileValue    that value, bound as a parameter of the final insert, not staged a million times
     */
    StagedLoad(Connection connection, String target, List<String> staged, List<String> keys, String fileColumn,
               String fileValue) {
        this.connection = connection;
        this.target = target;
        this.staged = List.copyOf(staged);
        var all = new ArrayList<>(staged);
        if (fileColumn != null) {
            all.add(fileColumn);
        }
        this.columns = List.copyOf(all);
        this.fileValue = fileColumn == null ? null : fileValue;
        this.keys = List.copyOf(keys);
    }

    /** Opens the transaction and creates the staging table; {@code types} are the staged columns' SQL types. */
    private StagedLoad begin(List<String> types) throws SQLException {
        connection.setAutoCommit(false);
        var defs = new ArrayList<String>();
        defs.add("row_no BIGINT");
        for (int i = 0; i < staged.size(); i++) {
            defs.add(staged.get(i) + " " + types.get(i));
        }
        execute(createStaging(String.join(", ", defs)));
        return this;
    }

    /**
     * Opens the load for the warehouse's dialect: DuckDB appender, PostgreSQL COPY, batched INSERTs for the
     * engines reached through JDBC only.
     */
    static StagedLoad open(SqlDialect dialect, Connection connection, String schema, FileContract contract,
                           List<String> types, String fileName) throws SQLException {
        String target = table(dialect, schema, contract.targetTable());
        List<String> staged = contract.columns().stream().map(FileContract.Column::targetColumn).toList();
        String fileColumn = contract.sourceFileColumn();
        StagedLoad load = switch (dialect.bulkWrite()) {
            case APPENDER -> new DuckDbStagedLoad(connection, target, staged, contract.keys(), fileColumn, fileName);
            case COPY -> new PostgresStagedLoad(connection, target, staged, contract.keys(), fileColumn, fileName);
            case BATCHED_INSERTS -> new JdbcStagedLoad(dialect, connection, target, staged, contract.keys(),
                    fileColumn, fileName);
        };
        return load.begin(types);
    }

    /** A tenant table by name: schema-qualified, except on engines without schemas (SQLite). */
    static String table(SqlDialect dialect, String schema, String table) {
        return dialect.qualifiedTable(schema, table);
    }

    protected abstract String createStaging(String columnDefinitions);

    /** The staging table's name in SQL (SQL Server's temporary tables start with #). */
    protected String stagingTable() {
        return STAGING;
    }

    /** A row: the row number in the file, then the staged columns' values. */
    abstract void row(Object[] values) throws SQLException;

    /** Ends the bulk write (flushes the appender, ends the COPY). */
    protected abstract void endRows() throws SQLException;

    protected abstract String upsert();

    /** Moves the staged rows into the target and commits; returns the rows written into the target. */
    long commit() throws SQLException {
        endRows();
        long written;
        try (var insert = connection.prepareStatement(upsert())) {
            if (fileValue != null) {
                insert.setString(1, fileValue);
            }
            written = insert.executeUpdate();
        }
        execute("DROP TABLE " + stagingTable());
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

    /**
     * The value of a target column in the final INSERT ... SELECT: {@code staged} for a staged column, the bound
     * file name for the file column.
     */
    protected String select(String column, String staged) {
        return this.staged.contains(column) ? staged : "CAST(? AS VARCHAR)";
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
