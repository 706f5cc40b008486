package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.RowSink.TableWriter;
import io.nl2q.hub.warehouse.SqlDialect.ColumnType;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A staged load whose rows go through one of the warehouse package's row sinks (PostgreSQL COPY, batched INSERTs),
 * opened on the first row and ended before the merge.
 */
abstract class SinkStagedLoad extends StagedLoad {
    private TableWriter writer;

    SinkStagedLoad(Connection connection, String target, List<String> staged, List<String> keys, String fileColumn,
                   String fileValue) {
        super(connection, target, staged, keys, fileColumn, fileValue);
    }

    /** The sink's writer into the staging table (row_no, then the staged columns). */
    protected abstract TableWriter open(WarehouseSchema.Table staging) throws SQLException;

    @Override
    void row(Object[] values) throws SQLException {
        if (writer == null) {
            var columns = new ArrayList<WarehouseSchema.Column>();
            columns.add(new WarehouseSchema.Column("row_no", ColumnType.INTEGER, 0, false));
            staged.forEach(c -> columns.add(new WarehouseSchema.Column(c, ColumnType.VARCHAR, 0, true)));
            writer = open(new WarehouseSchema.Table(stagingTable(), columns, List.of(), List.of()));
        }
        writer.row(values);
    }

    @Override
    protected void endRows() throws SQLException {
        TableWriter open = writer;
        writer = null;
        if (open != null) {
            open.close();
        }
    }

    /** A COPY still open blocks the connection: end it first, so that the rollback can discard what it wrote. */
    @Override
    public void close() throws SQLException {
        try {
            endRows();
        } catch (SQLException e) {
            // the rollback below discards whatever the writer held
        } finally {
            super.close();
        }
    }
}
