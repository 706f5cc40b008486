package io.nl2q.hub.reports.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The runs of schedules: each one's outcome, rows, bytes and times, and the metrics {@code hub.reports.runs} and
 * {@code hub.reports.delivery}. Delivery routes mark a run delivered as their last step, so a replayed dead letter
 * settles its run too.
 */
@Component("reportRuns")
public class ReportRuns {
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    ReportRuns(JdbcTemplate jdbc, MeterRegistry meters, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public long start(Schedule s, String firedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var p = c.prepareStatement("INSERT INTO report_run (schedule_id, tenant_id, fired_by, status,"
                    + " destination_type, started_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"run_id"});
            p.setLong(1, s.id());
            p.setString(2, s.tenantId());
            p.setString(3, firedBy);
            p.setString(4, ReportRun.RUNNING);
            p.setString(5, s.destinationType());
            p.setTimestamp(6, Timestamp.from(clock.instant()));
            return p;
        }, keys);
        return keys.getKey().longValue();
    }

    public List<ReportRun> list(String tenantId, long scheduleId, int limit) {
        return jdbc.query("SELECT * FROM report_run WHERE tenant_id = ? AND schedule_id = ? ORDER BY run_id DESC"
                + " LIMIT ?", ReportRuns::row, tenantId, scheduleId, limit);
    }

    public Optional<ReportRun> find(long runId) {
        return jdbc.query("SELECT * FROM report_run WHERE run_id = ?", ReportRuns::row, runId).stream().findFirst();
    }

    /** What the run read and is about to deliver; the hash becomes the schedule's last result once delivered. */
    public void read(long runId, String sql, int rows, long bytes, String resultHash) {
        jdbc.update("UPDATE report_run SET sql_text = ?, row_count = ?, bytes = ?, result_hash = ? WHERE run_id = ?",
                sql, rows, bytes, resultHash, runId);
    }

    /** The last step of every delivery route (and so of a replayed one). */
    public void delivered(long runId) {
        end(runId, ReportRun.DELIVERED, null);
        jdbc.update("UPDATE report_schedule SET last_result_hash = (SELECT result_hash FROM report_run WHERE run_id = ?)"
                + " WHERE schedule_id = (SELECT schedule_id FROM report_run WHERE run_id = ?)", runId, runId);
    }

    public void end(long runId, String status, String error) {
        Optional<ReportRun> run = find(runId);
        if (run.isEmpty() || run.get().status().equals(status)) {
            return;
        }
        jdbc.update("UPDATE report_run SET status = ?, error = ?, finished_at = ? WHERE run_id = ?", status,
                error == null ? null : error.substring(0, Math.min(error.length(), 2000)),
                Timestamp.from(clock.instant()), runId);
        String tenant = jdbc.queryForObject("SELECT tenant_id FROM report_run WHERE run_id = ?", String.class, runId);
        meters.counter("hub.reports.runs", "tenant", tenant, "status", status).increment();
        if (status.equals(ReportRun.DELIVERED) || status.equals(ReportRun.PARKED)) {
            meters.counter("hub.reports.delivery", "destination", run.get().destination(), "status", status)
                    .increment();
        }
    }

    /**
     * After route reports-run returned: a run still running was parked by its delivery route (the dead-letter
     * channel ends the exchange's routing there), with the cause the dead-letter store kept.
     */
    public String settle(long runId) {
        ReportRun run = find(runId).orElseThrow();
        if (!run.status().equals(ReportRun.RUNNING)) {
            return run.status();
        }
        List<String> causes = jdbc.queryForList("SELECT cause_message FROM dead_letter WHERE headers_json LIKE ?"
                + " ORDER BY dead_letter_id DESC", String.class, "%\"hubReportRun\":\"" + runId + "\"%");
        end(runId, ReportRun.PARKED, causes.isEmpty() ? "the delivery did not complete" : causes.get(0));
        return ReportRun.PARKED;
    }

    private static ReportRun row(ResultSet rs, int i) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long bytes = rs.getLong("bytes");
        Long b = rs.wasNull() ? null : bytes;
        int rows = rs.getInt("row_count");
        Integer r = rs.wasNull() ? null : rows;
        return new ReportRun(rs.getLong("run_id"), rs.getLong("schedule_id"), rs.getString("fired_by"),
                rs.getString("status"), rs.getString("destination_type"), r, b,
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("error"));
    }
}
