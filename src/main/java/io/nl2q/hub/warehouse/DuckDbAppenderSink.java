package io.nl2q.hub.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The bulk path of the embedded warehouse: DuckDB's appender writes columnar chunks with no SQL per row. */
public final class DuckDbAppenderSink implements RowSink {
    private final DuckDBConnection connection;
    private final String catalog;
    private final String schema;

    /** Appends to {@code schema} of the connection's own catalog (named after the file). */
    public DuckDbAppenderSink(Connection connection, String schema) throws SQLException {
        this.connection = connection.unwrap(DuckDBConnection.class);
        this.schema = schema;
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            this.catalog = rs.getString(1);
        }
    }

    String catalog() {
        return catalog;
    }

    @Override
    public TableWriter open(WarehouseSchema.Table table) throws SQLException {
        DuckDBAppender appender = connection.createAppender(catalog, schema, table.name());
        return new TableWriter() {
            @Override
            public void row(Object... values) throws SQLException {
                appender.beginRow();
                for (Object value : values) {
                    append(appender, value);
                }
                appender.endRow();
            }

            @Override
            public void close() throws SQLException {
                appender.close();
            }
        };
    }

    /** Appends one value of the types loaders produce; shared by the demo generator and partner-file loads. */
    public static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof LocalDate d) {
            appender.append(d);
        } else {
            throw new IllegalArgumentException("unsupported value type " + value.getClass());
        }
    }
}
