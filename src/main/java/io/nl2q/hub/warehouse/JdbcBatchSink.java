package io.nl2q.hub.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Portable but slow: batched INSERTs, for engines with no bulk path here (SQLite, SQL Server) and small scales.
 * SQLite keeps dates as ISO text so that its date functions read them.
 */
public final class JdbcBatchSink implements RowSink {
    private static final int BATCH = 5_000;
    private final Connection connection;
    private final SqlDialect dialect;
    private final String schema;

    /** {@code schema} null for engines without schemas (SQLite). */
    public JdbcBatchSink(Connection connection, SqlDialect dialect, String schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
    }

    @Override
    public TableWriter open(WarehouseSchema.Table table) throws SQLException {
        String name = schema == null ? table.name() : dialect.quoteIdentifier(schema) + "." + table.name();
        String marks = String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?"));
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + name + " (" + String.join(", ", table.columnNames()) + ") VALUES (" + marks + ")");
        return new TableWriter() {
            private int pending;

            @Override
            public void row(Object... values) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    insert.setObject(i + 1, v instanceof LocalDate d ? dialect.dateValue(d) : v);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }

            @Override
            public void close() throws SQLException {
                try (insert) {
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
            }
        };
    }
}
