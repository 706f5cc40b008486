package io.nl2q.hub.powerbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Progress of pushes in the app-state database (table powerbi_push_run), committed after each acknowledged batch: a
 * push cut off by a stop resumes from here.
 */
class PushRuns {
    private final JdbcTemplate jdbc;

    PushRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A push in progress. {@code inFlightBatch} is the batch being sent when the hub stopped, if any. */
    record Run(long id, String bindingName, String datasetId, String tableName, PushProperties.Mode mode,
               long rowsSent, int batchesSent, boolean rowsCleared, Integer inFlightBatch, long stringsCut) {
    }

    Optional<Run> open(String bindingName) {
        return jdbc.query("SELECT * FROM powerbi_push_run WHERE binding_name = ? AND status = 'RUNNING'"
                + " ORDER BY push_run_id DESC", PushRuns::row, bindingName).stream().findFirst();
    }

    Run start(String tenantId, String bindingName, String datasetId, String table, PushProperties.Mode mode) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO powerbi_push_run (tenant_id, binding_name, dataset_id, table_name,"
                    + " mode, status, started_at, updated_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?)",
                    new String[] {"push_run_id"});
            s.setString(1, tenantId);
            s.setString(2, bindingName);
            s.setString(3, datasetId);
            s.setString(4, table);
            s.setString(5, mode.name());
            s.setTimestamp(6, now);
            s.setTimestamp(7, now);
            return s;
        }, keys);
        return get(keys.getKey().longValue());
    }

    Run get(long id) {
        return jdbc.queryForObject("SELECT * FROM powerbi_push_run WHERE push_run_id = ?", PushRuns::row, id);
    }

    void inFlight(long id, int batch) {
        jdbc.update("UPDATE powerbi_push_run SET in_flight_batch = ?, updated_at = ? WHERE push_run_id = ?", batch,
                Timestamp.from(Instant.now()), id);
    }

    void batchDone(long id, int batchesSent, long rowsSent, long stringsCut) {
        jdbc.update("UPDATE powerbi_push_run SET batches_sent = ?, rows_sent = ?, strings_cut = ?,"
                + " in_flight_batch = NULL, updated_at = ? WHERE push_run_id = ?", batchesSent, rowsSent, stringsCut,
                Timestamp.from(Instant.now()), id);
    }

    void cleared(long id, boolean cleared) {
        jdbc.update("UPDATE powerbi_push_run SET rows_cleared = ?, batches_sent = 0, rows_sent = 0,"
                + " in_flight_batch = NULL, updated_at = ? WHERE push_run_id = ?", cleared,
                Timestamp.from(Instant.now()), id);
    }

    void finish(long id, String status, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("UPDATE powerbi_push_run SET status = ?, message = ?, finished_at = ?, updated_at = ?"
                + " WHERE push_run_id = ?", status, message == null || message.length() <= 4000 ? message
                : message.substring(0, 4000), now, now, id);
    }

    private static Run row(ResultSet rs, int i) throws SQLException {
        int inFlight = rs.getInt("in_flight_batch");
        Integer batch = rs.wasNull() ? null : inFlight;
        return new Run(rs.getLong("push_run_id"), rs.getString("binding_name"), rs.getString("dataset_id"),
                rs.getString("table_name"), PushProperties.Mode.valueOf(rs.getString("mode")), rs.getLong("rows_sent"),
                rs.getInt("batches_sent"), rs.getBoolean("rows_cleared"), batch, rs.getLong("strings_cut"));
    }
}
