package io.nl2q.hub.reports.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Schedules in the app-state database; every read but {@link #byId} is bound to one tenant. */
@Component
public class Schedules {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Schedules(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(Schedule s) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var p = c.prepareStatement("""
                    INSERT INTO report_schedule (tenant_id, saved_question_id, trigger_kind, cron, time_zone, format,
                        destination_json, only_when_changed, paused, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"schedule_id"});
            p.setString(1, s.tenantId());
            p.setLong(2, s.savedQuestion());
            p.setString(3, s.trigger());
            p.setString(4, s.cron());
            p.setString(5, s.timeZone());
            p.setString(6, s.format());
            p.setString(7, write(s.destination()));
            p.setBoolean(8, s.onlyWhenChanged());
            p.setBoolean(9, s.paused());
            p.setString(10, s.createdBy());
            p.setTimestamp(11, Timestamp.from(s.createdAt()));
            return p;
        }, keys);
        return keys.getKey().longValue();
    }

    public List<Schedule> list(String tenantId) {
        return jdbc.query("SELECT * FROM report_schedule WHERE tenant_id = ? ORDER BY schedule_id", this::row,
                tenantId);
    }

    /** The tenant's schedules that run after a data change and are not paused. */
    List<Schedule> onDataChange(String tenantId) {
        return jdbc.query("SELECT * FROM report_schedule WHERE tenant_id = ? AND trigger_kind = ? AND paused = FALSE",
                this::row, tenantId, Schedule.ON_DATA_CHANGE);
    }

    public Schedule get(String tenantId, long id) {
        return jdbc.query("SELECT * FROM report_schedule WHERE tenant_id = ? AND schedule_id = ?", this::row,
                tenantId, id).stream().findFirst().orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                Phase.REQUEST, "no schedule " + id + " in your tenant"));
    }

    /** For a job firing: the schedule whatever its tenant (the job knows only the id). */
    public Optional<Schedule> byId(long id) {
        return jdbc.query("SELECT * FROM report_schedule WHERE schedule_id = ?", this::row, id).stream().findFirst();
    }

    void update(Schedule s) {
        jdbc.update("UPDATE report_schedule SET cron = ?, paused = ? WHERE tenant_id = ? AND schedule_id = ?",
                s.cron(), s.paused(), s.tenantId(), s.id());
    }

    void delete(String tenantId, long id) {
        jdbc.update("DELETE FROM report_schedule WHERE tenant_id = ? AND schedule_id = ?", tenantId, id);
    }

    public Optional<String> lastResultHash(long id) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT last_result_hash FROM report_schedule WHERE"
                + " schedule_id = ?", String.class, id));
    }

    private Schedule row(ResultSet rs, int i) throws SQLException {
        return new Schedule(rs.getLong("schedule_id"), rs.getString("tenant_id"), rs.getLong("saved_question_id"),
                rs.getString("trigger_kind"), rs.getString("cron"), rs.getString("time_zone"), rs.getString("format"),
                read(rs.getString("destination_json")), rs.getBoolean("only_when_changed"), rs.getBoolean("paused"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private String write(Map<String, Object> destination) {
        try {
            return json.writeValueAsString(destination);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable destination of a schedule", e);
        }
    }
}
