package io.nl2q.hub.warehouse;

import java.sql.SQLException;

/**
 * Where generated rows go, one table at a time. Values are String, Integer, Boolean, LocalDate or null, in the
 * table's column order.
 */
public interface RowSink {

    TableWriter open(WarehouseSchema.Table table) throws SQLException;

    /** Rows of one table; closing it makes them durable (flushes the appender, ends the COPY). */
    interface TableWriter extends AutoCloseable {
        void row(Object... values) throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
