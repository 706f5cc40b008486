package io.nl2q.hub.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the audit trail recorded, found again by their {@code queryId} in one tenant: feedback on an answer and
 * saving an answer as a question ask here instead of reading the audit table themselves.
 */
@Component
public class AuditedAnswers {
    private final JdbcTemplate jdbc;

    AuditedAnswers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest answered request with this query id in the tenant whose kind is one of {@code kinds}
     * ({@code question}: its question is set; {@code sql}: an analyst's SQL, its question is null).
     */
    public Optional<Answered> find(String tenantId, String queryId, Set<String> kinds) {
        List<Object> args = new ArrayList<>(List.of(queryId, tenantId));
        args.addAll(kinds);
        String marks = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        List<Answered> rows = jdbc.query("SELECT kind, question, sql_text FROM query_audit WHERE query_id = ? AND"
                + " tenant_id = ? AND kind IN (" + marks + ") AND outcome = 'ANSWERED' ORDER BY audit_id DESC",
                (rs, n) -> new Answered(rs.getString(1), rs.getString(2), rs.getString(3)), args.toArray());
        return rows.stream().findFirst();
    }

    /** One answered request of the audit trail: its kind, the question asked (null for SQL) and the SQL run. */
    public record Answered(String kind, String question, String sql) {
    }
}
