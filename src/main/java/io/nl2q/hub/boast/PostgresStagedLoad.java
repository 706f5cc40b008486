package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.PostgresCopySink;
import io.nl2q.hub.warehouse.RowSink.TableWriter;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The PostgreSQL load: COPY into a temporary table that goes with the transaction, then one upsert. */
final class PostgresStagedLoad extends SinkStagedLoad {
    PostgresStagedLoad(Connection connection, String target, List<String> staged, List<String> keys,
                       String fileColumn, String fileValue) {
        super(connection, target, staged, keys, fileColumn, fileValue);
    }

    @Override
    protected String createStaging(String columnDefinitions) {
        return "CREATE TEMPORARY TABLE " + STAGING + " (" + columnDefinitions + ") ON COMMIT DROP";
    }

    @Override
    protected TableWriter open(WarehouseSchema.Table staging) throws SQLException {
        return new PostgresCopySink(connection, "pg_temp").open(staging);
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
