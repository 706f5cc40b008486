package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.PostgresCopySink;
import io.nl2q.hub.warehouse.RowSink.TableWriter;
import io.nl2q.hub.warehouse.SqlDialect.ColumnType;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL load: COPY into a temporary table that goes with the transaction, then one upsert. */
final class PostgresStagedLoad extends StagedLoad {
    private TableWriter copy;

    PostgresStagedLoad(Connection connection, String target, List<String> staged, List<String> keys,
                       String fileColumn, String fileValue) {
        super(connection, target, staged, keys, fileColumn, fileValue);
    }

    @Override
    protected String createStaging(String columnDefinitions) {
        return "CREATE TEMPORARY TABLE " + STAGING + " (" + columnDefinitions + ") ON COMMIT DROP";
    }

    @Override
    void row(Object[] values) throws SQLException {
        if (copy == null) {
            var staged = new ArrayList<WarehouseSchema.Column>();
            staged.add(new WarehouseSchema.Column("row_no", ColumnType.INTEGER, 0, false));
            this.staged.forEach(c -> staged.add(new WarehouseSchema.Column(c, ColumnType.VARCHAR, 0, true)));
            copy = new PostgresCopySink(connection, "pg_temp")
                    .open(new WarehouseSchema.Table(STAGING, staged, List.of(), List.of()));
        }
        copy.row(values);
    }

    @Override
    protected void endRows() throws SQLException {
        if (copy != null) {
            copy.close();
            copy = null;
        }
    }

    /** A COPY still open blocks the connection: end it, so that the rollback can discard what it wrote. */
    @Override
    public void close() throws SQLException {
        try {
            endRows();
        } catch (SQLException e) {
            // the rollback below discards whatever the COPY held
        } finally {
            super.close();
        }
    }

    @Override
    protected String upsert() {
        String update = updates();
        String values = columns.stream().map(c -> select(c, c)).collect(java.util.stream.Collectors.joining(", "));
        return "INSERT INTO " + target + " (" + columnList() + ") SELECT DISTINCT ON (" + keyList() + ") "
                + values + " FROM " + STAGING + " ORDER BY " + keyList() + ", row_no DESC ON CONFLICT ("
                + keyList() + ") DO " + (update.isEmpty() ? "NOTHING" : "UPDATE SET " + update);
    }
}
