package io.nl2q.hub.audit;

import io.nl2q.hub.errors.ApiError;
import io.nl2q.hub.query.QueryAnswer;
import io.nl2q.hub.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per question or SQL request, answered or refused, bound to its tenant. Fed by wire-taps of the API routes
 * so recording never slows an answer down.
 */
@Component("auditTrail")
public class AuditTrail {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void answered(Caller caller, String kind, QueryAnswer answer) {
        insert(answer.queryId(), caller, kind, answer.question(), answer.sql(), answer.engine(), "ANSWERED",
                answer.rowCount(), answer.elapsedMs());
    }

    public void refused(Caller caller, String kind, String question, ApiError error, long elapsedMs) {
        if (caller == null || kind == null) {
            return; // not bound to a tenant yet, or not a question/SQL request: nothing for this trail
        }
        ApiError.Body body = error.payload().get("error");
        try {
            insert(body.correlationId(), caller, kind, question, null, null, body.code(), null, elapsedMs);
        } catch (RuntimeException e) {
            // the caller still gets their error response; the audit gap is logged for the operator
            log.error("could not audit refusal {} [{}]", body.code(), body.correlationId(), e);
        }
    }

    private void insert(String correlationId, Caller caller, String kind, String question, String sql, String engine,
                        String outcome, Integer rows, long elapsedMs) {
        jdbc.update("""
                INSERT INTO query_audit (correlation_id, tenant_id, subject, kind, question, sql_text, engine, outcome,
                                         row_count, elapsed_ms, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, correlationId, caller.tenant().id(), caller.subject(), kind, clip(question, 4000),
                clip(sql, 20000), engine, outcome, rows, elapsedMs, Timestamp.from(Instant.now()));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
