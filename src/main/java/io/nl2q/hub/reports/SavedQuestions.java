package io.nl2q.hub.reports;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Saved questions in the app-state database, always read within one tenant. */
@Component("savedQuestions")
public class SavedQuestions {
    private final JdbcTemplate jdbc;

    SavedQuestions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedQuestion> list(String tenantId) {
        return jdbc.query("SELECT * FROM saved_question WHERE tenant_id = ? ORDER BY name", SavedQuestions::row,
                tenantId);
    }

    public Optional<SavedQuestion> find(String tenantId, String name) {
        return jdbc.query("SELECT * FROM saved_question WHERE tenant_id = ? AND name = ?", SavedQuestions::row,
                tenantId, name).stream().findFirst();
    }

    public SavedQuestion get(String tenantId, String name) {
        return find(tenantId, name).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST,
                "no saved question " + name));
    }

    /** Saves a new question, or replaces the text of the one with the same name. */
    public SavedQuestion save(String tenantId, String name, String question, String sql) {
        new SavedQuestion(0, tenantId, name, question, sql); // validates before anything is written
        int updated = jdbc.update("UPDATE saved_question SET question = ?, sql_text = ? WHERE tenant_id = ? AND name = ?",
                question, sql, tenantId, name);
        if (updated == 0) {
            var keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var s = c.prepareStatement("INSERT INTO saved_question (tenant_id, name, question, sql_text, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", new String[] {"saved_question_id"});
                s.setString(1, tenantId);
                s.setString(2, name);
                s.setString(3, question);
                s.setString(4, sql);
                s.setTimestamp(5, Timestamp.from(Instant.now()));
                return s;
            }, keys);
        }
        return get(tenantId, name);
    }

    public void delete(String tenantId, String name) {
        jdbc.update("DELETE FROM saved_question WHERE tenant_id = ? AND name = ?", tenantId, name);
    }

    private static SavedQuestion row(ResultSet rs, int i) throws SQLException {
        return new SavedQuestion(rs.getLong("saved_question_id"), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("question"), rs.getString("sql_text"));
    }
}
