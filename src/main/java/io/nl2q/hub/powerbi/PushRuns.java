package io.nl2q.hub.powerbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Progress of pushes in the app-state database (table powerbi_push_run), committed after each acknowledged batch: a
 * push cut off by a stop, a failure or a long wait resumes from here. A run is open while RUNNING, WAITING (until
 * resume_at) or PARKED (failed after its retries; a replay resumes it); DONE when the table holds its rows.
 */
class PushRuns {
    private final JdbcTemplate jdbc;

    PushRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A push. {@code inFlightBatch} is the batch being sent when the hub stopped, if any; {@code baselineRows} the
     * rows an APPEND target held before (-1: it could not be counted; null: not counted yet).
     */
    record Run(long id, String tenant, String bindingName, String datasetId, String tableName, PushProperties.Mode mode,
               long rowsSent, int batchesSent, boolean rowsCleared, Integer inFlightBatch, long stringsCut,
               String status, Instant resumeAt, Long baselineRows, int reloads, boolean datasetCreated,
               Instant startedAt, Instant finishedAt, String message, String requestedBy) {
    }

    Optional<Run> open(String bindingName) {
        return jdbc.query("SELECT * FROM powerbi_push_run WHERE binding_name = ? AND status IN ('RUNNING', 'WAITING',"
                + " 'PARKED') ORDER BY push_run_id DESC", PushRuns::row, bindingName).stream().findFirst();
    }

    Run start(String tenantId, String bindingName, String table, PushProperties.Mode mode, String requestedBy) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO powerbi_push_run (tenant_id, binding_name, table_name, mode, status,"
                    + " requested_by, started_at, updated_at) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)",
                    new String[] {"push_run_id"});
            s.setString(1, tenantId);
            s.setString(2, bindingName);
            s.setString(3, table);
            s.setString(4, mode.name());
            s.setString(5, requestedBy);
            s.setTimestamp(6, now);
            s.setTimestamp(7, now);
            return s;
        }, keys);
        return get(keys.getKey().longValue());
    }

    Run get(long id) {
        return jdbc.queryForObject("SELECT * FROM powerbi_push_run WHERE push_run_id = ?", PushRuns::row, id);
    }

    /** The tenant's latest pushes, newest first. */
    List<Run> recent(String tenantId, int limit) {
        return jdbc.query("SELECT * FROM powerbi_push_run WHERE tenant_id = ? ORDER BY push_run_id DESC LIMIT ?",
                PushRuns::row, tenantId, limit);
    }

    /** Bindings whose waiting push is due. */
    List<String> due(Instant now) {
        return jdbc.queryForList("SELECT DISTINCT binding_name FROM powerbi_push_run WHERE status = 'WAITING'"
                + " AND resume_at <= ?", String.class, Timestamp.from(now));
    }

    void dataset(long id, String datasetId, boolean created) {
        update("dataset_id = ?, dataset_created = ?", id, datasetId, created);
    }

    void inFlight(long id, int batch) {
        update("in_flight_batch = ?", id, batch);
    }

    void batchDone(long id, int batchesSent, long rowsSent, long stringsCut) {
        update("batches_sent = ?, rows_sent = ?, strings_cut = ?, in_flight_batch = NULL", id, batchesSent, rowsSent,
                stringsCut);
    }

    /** The table was emptied ({@code cleared}) or is to be (false): the push starts from its first row. */
    void cleared(long id, boolean cleared) {
        update("rows_cleared = ?, batches_sent = 0, rows_sent = 0, strings_cut = 0, in_flight_batch = NULL", id,
                cleared);
    }

    void reloaded(long id) {
        update("reloads = reloads + 1, rows_cleared = FALSE, batches_sent = 0, rows_sent = 0, strings_cut = 0,"
                + " in_flight_batch = NULL", id);
    }

    void baseline(long id, long rows) {
        update("baseline_rows = ?", id, rows);
    }

    /** Nothing to do before {@code at}: the resume timer sends the binding again then. */
    void waitUntil(long id, Instant at, String message) {
        update("status = 'WAITING', resume_at = ?, message = ?", id, Timestamp.from(at), clip(message));
    }

    void running(long id) {
        update("status = 'RUNNING', resume_at = NULL", id);
    }

    /** Failed after its retries and parked: still open, so a replay resumes it. */
    void parked(long id, String message) {
        update("status = 'PARKED', message = ?", id, clip(message));
    }

    void finish(long id, String status, String message) {
        update("status = ?, message = ?, finished_at = ?, resume_at = NULL", id, status, clip(message),
                Timestamp.from(Instant.now()));
    }

    private void update(String set, long id, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = Timestamp.from(Instant.now());
        args[values.length + 1] = id;
        jdbc.update("UPDATE powerbi_push_run SET " + set + ", updated_at = ? WHERE push_run_id = ?", args);
    }

    private static String clip(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 4000);
    }

    private static Run row(ResultSet rs, int i) throws SQLException {
        int inFlight = rs.getInt("in_flight_batch");
        Integer batch = rs.wasNull() ? null : inFlight;
        long baseline = rs.getLong("baseline_rows");
        Long base = rs.wasNull() ? null : baseline;
        return new Run(rs.getLong("push_run_id"), rs.getString("tenant_id"), rs.getString("binding_name"),
                rs.getString("dataset_id"), rs.getString("table_name"),
                PushProperties.Mode.valueOf(rs.getString("mode")), rs.getLong("rows_sent"), rs.getInt("batches_sent"),
                rs.getBoolean("rows_cleared"), batch, rs.getLong("strings_cut"), rs.getString("status"),
                instant(rs.getTimestamp("resume_at")), base, rs.getInt("reloads"), rs.getBoolean("dataset_created"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getString("message"), rs.getString("requested_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
