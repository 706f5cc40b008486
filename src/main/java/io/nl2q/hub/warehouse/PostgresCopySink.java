package io.nl2q.hub.warehouse;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** Loads a PostgreSQL tenant schema through COPY ... FROM STDIN in text format, buffered in 256 KB chunks. */
public final class PostgresCopySink implements RowSink {
    private static final int FLUSH_AT = 256 * 1024;
    private final CopyManager copyManager;
    private final String schema;

    public PostgresCopySink(Connection connection, String schema) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.schema = schema;
    }

    @Override
    public TableWriter open(WarehouseSchema.Table table) throws SQLException {
        String sql = "COPY \"" + schema + "\"." + table.name() + " (" + String.join(", ", table.columnNames())
                + ") FROM STDIN WITH (FORMAT text)";
        CopyIn copy = copyManager.copyIn(sql);
        var buffer = new StringBuilder(FLUSH_AT + 1024);
        return new TableWriter() {
            @Override
            public void row(Object... values) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    appendText(buffer, values[i]);
                }
                buffer.append('\n');
                if (buffer.length() >= FLUSH_AT) {
                    flush();
                }
            }

            @Override
            public void close() throws SQLException {
                try {
                    flush();
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            }

            private void flush() throws SQLException {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        };
    }

    /** COPY text format: \N is NULL; backslash, tab, newline and carriage return are escaped. */
    private static void appendText(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof Boolean b ? (b ? "t" : "f") : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
