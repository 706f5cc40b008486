package io.nl2q.hub.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter store in the app-state database, shared by every replica. Routes reach it through the
 * {@code delivery} route configuration (routes/_error-handling.camel.yaml); operators list and replay entries.
 */
@Component("deadLetterStore")
public class DeadLetterStore {
    /** Headers a route sets to say where a replay goes and which tenant the delivery belongs to. */
    public static final String REPLAY_URI = "hubReplayUri";
    public static final String TENANT = "hubTenant";
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DeadLetterStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Parks a failed delivery; called by the dead-letter route with the failure Camel recorded. */
    public void park(String routeId, String endpoint, Throwable cause, Map<String, Object> headers, String payload) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (v != null && !k.startsWith("Camel") && (v instanceof CharSequence || v instanceof Number
                    || v instanceof Boolean)) {
                kept.put(k, v.toString());
            }
        });
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        jdbc.update("""
                INSERT INTO dead_letter (tenant_id, route_id, endpoint, cause_type, cause_message, replay_uri,
                                         headers_json, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, kept.get(TENANT), routeId == null ? "unknown" : routeId, endpoint,
                cause == null ? "unknown" : cause.getClass().getName(), clip(describe(cause, root)),
                kept.get(REPLAY_URI), write(kept), payload, Timestamp.from(Instant.now()));
    }

    /** The newest entries first, of one route or (routeId null) of all, of every tenant (platform operators). */
    public List<DeadLetter> list(String routeId, int limit) {
        return list(null, routeId, limit);
    }

    /**
     * The newest entries first of one tenant ({@code tenantId} null: of every tenant, for platform operators), of one
     * route or (routeId null) of all.
     */
    public List<DeadLetter> list(String tenantId, String routeId, int limit) {
        // LIMIT as a parameter: the shared JdbcTemplate's maxRows would cap every other query running meanwhile
        List<String> where = new java.util.ArrayList<>();
        List<Object> args = new java.util.ArrayList<>();
        if (tenantId != null) {
            where.add("tenant_id = ?");
            args.add(tenantId);
        }
        if (routeId != null) {
            where.add("route_id = ?");
            args.add(routeId);
        }
        args.add(Math.max(1, limit));
        String sql = "SELECT * FROM dead_letter" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY dead_letter_id DESC LIMIT ?";
        return jdbc.query(sql, this::row, args.toArray());
    }

    /** Entries by route, replayed or not. */
    public Map<String, Integer> countsByRoute() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT route_id, COUNT(*) FROM dead_letter GROUP BY route_id",
                (ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public DeadLetter get(long id) {
        return get(null, id);
    }

    /** One entry of this tenant ({@code tenantId} null: of any); another tenant's is NOT_FOUND like a missing one. */
    public DeadLetter get(String tenantId, long id) {
        List<DeadLetter> found = tenantId == null
                ? jdbc.query("SELECT * FROM dead_letter WHERE dead_letter_id = ?", this::row, id)
                : jdbc.query("SELECT * FROM dead_letter WHERE dead_letter_id = ? AND tenant_id = ?", this::row, id,
                tenantId);
        return found.stream().findFirst()
                .orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, Phase.DELIVER, "no dead letter " + id));
    }

    public int count(String routeId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE route_id = ?", Integer.class,
                routeId);
        return n == null ? 0 : n;
    }

    void markReplayed(long id) {
        jdbc.update("UPDATE dead_letter SET replayed_at = ?, replay_count = replay_count + 1 WHERE dead_letter_id = ?",
                Timestamp.from(Instant.now()), id);
    }

    private DeadLetter row(ResultSet rs, int i) throws SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        return new DeadLetter(rs.getLong("dead_letter_id"), rs.getString("tenant_id"), rs.getString("route_id"),
                rs.getString("endpoint"), rs.getString("cause_type"), rs.getString("cause_message"),
                rs.getString("replay_uri"), read(rs.getString("headers_json")), rs.getString("payload"),
                rs.getTimestamp("created_at").toInstant(), replayed == null ? null : replayed.toInstant(),
                rs.getInt("replay_count"));
    }

    private static String describe(Throwable cause, Throwable root) {
        if (cause == null) {
            return null;
        }
        return root == cause ? cause.getMessage() : cause.getMessage() + " (cause: " + root + ")";
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, HEADER_MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
