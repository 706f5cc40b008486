package io.nl2q.hub.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.audit.AuditedAnswers;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.GuardStep;
import io.nl2q.hub.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An analyst's verdict on an answer ({@code POST /api/v1/feedback}): a right answer, or a wrong one with corrected
 * SQL, becomes a verified query of the tenant; a wrong one withdraws the verified query it came from. The answer is
 * found by its query id in the caller's own tenant's audit trail only.
 */
@Component("feedback")
public class Feedback {
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final AuditedAnswers answers;
    private final VerifiedQueries verified;
    private final AnswerCache cache;
    private final GuardStep guard;

    Feedback(ObjectMapper json, JdbcTemplate jdbc, AuditedAnswers answers, VerifiedQueries verified, AnswerCache cache,
             GuardStep guard) {
        this.json = json;
        this.jdbc = jdbc;
        this.answers = answers;
        this.verified = verified;
        this.cache = cache;
        this.guard = guard;
    }

    public Receipt record(String body, Caller caller) {
        Request request = parse(body);
        AuditedAnswers.Answered answered = answered(request.queryId(), caller);
        if (request.sql() != null) {
            guard.guard(request.sql(), caller); // a correction must itself pass the guard before anyone relies on it
        }
        jdbc.update("""
                INSERT INTO query_feedback (tenant_id, query_id, subject, correct, comment_text, corrected_sql, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", caller.tenant().id(), request.queryId(), caller.subject(),
                request.correct(), request.comment(), request.sql(), Timestamp.from(Instant.now()));
        Long verifiedId = null;
        boolean withdrawn = false;
        String sql = request.sql() != null ? request.sql() : request.correct() ? answered.sql() : null;
        if (sql != null) {
            verifiedId = verified.verify(caller, answered.question(), sql, request.queryId());
        } else {
            withdrawn = verified.revoke(caller, answered.question());
        }
        cache.evict(caller.tenant().id(), answered.question());
        return new Receipt(request.queryId(), request.correct(), verifiedId != null, verifiedId, withdrawn);
    }

    private AuditedAnswers.Answered answered(String queryId, Caller caller) {
        return answers.find(caller.tenant().id(), queryId, Set.of("question"))
                .orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST,
                        "no answered question with query id " + queryId + " in your tenant"));
    }

    private Request parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad("send {\"queryId\": \"...\", \"correct\": true|false, \"comment\"?: \"...\", \"sql\"?: \"...\"}");
        }
        JsonNode queryId = root.get("queryId");
        if (queryId == null || !queryId.isTextual() || queryId.asText().isBlank() || queryId.asText().length() > 64) {
            throw bad("the field \"queryId\" must be the queryId of an answer");
        }
        JsonNode correct = root.get("correct");
        if (correct == null || !correct.isBoolean()) {
            throw bad("the field \"correct\" must be true or false");
        }
        return new Request(queryId.asText(), correct.asBoolean(), optional(root, "comment", 2000),
                optional(root, "sql", 20000));
    }

    private static String optional(JsonNode root, String field, int max) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > max) {
            throw bad("the field \"" + field + "\" must be a string of at most " + max + " characters");
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }

    private static HubException bad(String message) {
        return new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, message);
    }

    private record Request(String queryId, boolean correct, String comment, String sql) {
    }

    /** What the feedback changed: whether the answer is now a verified query, or a verified one was withdrawn. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String queryId, boolean correct, boolean verified, Long verifiedQueryId, boolean withdrawn) {
    }
}
