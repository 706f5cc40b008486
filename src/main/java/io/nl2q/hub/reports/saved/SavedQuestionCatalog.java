package io.nl2q.hub.reports.saved;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Saved questions by id, always within one tenant (the OData feed and push bindings read them by name). */
@Component
public class SavedQuestionCatalog {
    private static final String COLUMNS = "saved_question_id, name, question, sql_text, compiled_sql, created_by,"
            + " created_at, compile_status, compile_error, model_version, compiled_at";
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SavedQuestionCatalog(JdbcTemplate jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public List<SavedQuestionEntry> list(String tenantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM saved_question WHERE tenant_id = ? ORDER BY name",
                SavedQuestionCatalog::row, tenantId);
    }

    public Optional<SavedQuestionEntry> find(String tenantId, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM saved_question WHERE tenant_id = ? AND saved_question_id = ?",
                SavedQuestionCatalog::row, tenantId, id).stream().findFirst();
    }

    public SavedQuestionEntry get(String tenantId, long id) {
        return find(tenantId, id).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST,
                "no saved question " + id + " in your tenant"));
    }

    boolean nameTaken(String tenantId, String name) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM saved_question WHERE tenant_id = ? AND name = ?",
                Integer.class, tenantId, name);
        return n != null && n > 0;
    }

    long insert(String tenantId, String name, String question, String sql, String compiledSql, String createdBy,
                String modelVersion) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO saved_question (tenant_id, name, question, sql_text, compiled_sql,"
                    + " created_by, created_at, model_version, compiled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"saved_question_id"});
            s.setString(1, tenantId);
            s.setString(2, name);
            s.setString(3, question);
            s.setString(4, sql);
            s.setString(5, compiledSql);
            s.setString(6, createdBy);
            s.setTimestamp(7, Timestamp.from(clock.instant()));
            s.setString(8, modelVersion);
            s.setTimestamp(9, Timestamp.from(clock.instant()));
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Deletes it, refused while a schedule still delivers it. */
    void delete(String tenantId, long id) {
        get(tenantId, id);
        Integer schedules = jdbc.queryForObject("SELECT COUNT(*) FROM report_schedule WHERE tenant_id = ? AND"
                + " saved_question_id = ?", Integer.class, tenantId, id);
        if (schedules != null && schedules > 0) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, "saved question " + id + " is delivered by "
                    + schedules + " schedule(s): delete them first");
        }
        jdbc.update("DELETE FROM saved_question WHERE tenant_id = ? AND saved_question_id = ?", tenantId, id);
    }

    /**
     * The questions (not saved SQL) of every tenant last compiled with another model version than its current. The
     * version is compared in the query, so a start with an unchanged model reads no question text at all.
     */
    List<Stale> stale(java.util.function.Function<String, String> currentVersion) {
        List<Stale> stale = new java.util.ArrayList<>();
        for (String tenant : jdbc.queryForList("SELECT DISTINCT tenant_id FROM saved_question"
                + " WHERE question IS NOT NULL", String.class)) {
            stale.addAll(jdbc.query("SELECT tenant_id, saved_question_id, question, created_by, model_version,"
                    + " compile_status FROM saved_question WHERE tenant_id = ? AND question IS NOT NULL"
                    + " AND (model_version IS NULL OR model_version <> ?)",
                    (rs, n) -> new Stale(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), tenant, currentVersion.apply(tenant)));
        }
        stale.sort(java.util.Comparator.comparingLong(Stale::id));
        return stale;
    }

    /**
     * Records a recompilation, once: only while the row still carries the version it was read with, so of several
     * replicas recompiling at start exactly one writes it (and tells the owner). True when this call wrote it.
     */
    boolean recompiled(Stale stale, String modelVersion, String compiledSql, String error) {
        List<Object> args = new java.util.ArrayList<>(List.of(modelVersion,
                error == null ? SavedQuestionEntry.OK : SavedQuestionEntry.BROKEN));
        args.add(error);
        args.add(Timestamp.from(clock.instant()));
        if (compiledSql != null) {
            args.add(compiledSql);
        }
        args.add(stale.tenantId());
        args.add(stale.id());
        if (stale.modelVersion() != null) {
            args.add(stale.modelVersion());
        }
        String sql = "UPDATE saved_question SET model_version = ?, compile_status = ?, compile_error = ?,"
                + " compiled_at = ?" + (compiledSql == null ? "" : ", compiled_sql = ?")
                + " WHERE tenant_id = ? AND saved_question_id = ? AND "
                + (stale.modelVersion() == null ? "model_version IS NULL" : "model_version = ?");
        return jdbc.update(sql, args.toArray()) == 1;
    }

    /** A saved question to compile again, with what it was last compiled with. */
    record Stale(String tenantId, long id, String question, String createdBy, String modelVersion, String status) {
    }

    private static SavedQuestionEntry row(ResultSet rs, int i) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp compiled = rs.getTimestamp("compiled_at");
        return new SavedQuestionEntry(rs.getLong("saved_question_id"), rs.getString("name"), rs.getString("question"),
                rs.getString("sql_text"), rs.getString("compiled_sql"), rs.getString("created_by"),
                created == null ? null : created.toInstant(), rs.getString("compile_status"),
                rs.getString("compile_error"), rs.getString("model_version"),
                compiled == null ? null : compiled.toInstant());
    }
}
