package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The CRM sync's run log (table crm_sync_run): every inbound and outbound run, scheduled or asked for by an operator,
 * with what it applied. The operator API (routes/crm-sync-run.camel.yaml) starts runs and lists them, each caller
 * only those of its own tenant.
 */
@Component("crmRuns")
public class CrmRuns {
    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final CrmAdapters adapters;
    private final ObjectMapper json;

    CrmRuns(JdbcTemplate jdbc, CrmAdapters adapters, ObjectMapper json) {
        this.jdbc = jdbc;
        this.adapters = adapters;
        this.json = json;
    }

    /** A run as the API lists it. */
    public record Run(long runId, String tenant, String direction, String status, String requestedBy,
                      Instant requestedAt, Instant startedAt, Instant finishedAt, Map<String, Object> figures,
                      String message) {
    }

    /** Queues a run for the caller's tenant; the caller needs the operator or integration role. */
    public Run request(Caller caller, String direction) {
        String tenant = authorize(caller);
        String d = direction(direction);
        if (!adapters.connectedTenants().contains(tenant)) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.DELIVER, "tenant " + tenant + " has no CRM org");
        }
        long id = insert(tenant, d, "QUEUED", caller.subject());
        return get(id);
    }

    /** The caller's tenant's latest runs, newest first; {@code direction} null for both. */
    public List<Run> recent(Caller caller, String direction, Integer limit) {
        String tenant = authorize(caller);
        int n = limit == null ? 20 : Math.max(1, Math.min(200, limit));
        return direction == null || direction.isBlank()
                ? jdbc.query("SELECT * FROM crm_sync_run WHERE tenant_id = ? ORDER BY run_id DESC LIMIT ?", this::row,
                tenant, n)
                : jdbc.query("SELECT * FROM crm_sync_run WHERE tenant_id = ? AND direction = ? ORDER BY run_id DESC"
                + " LIMIT ?", this::row, tenant, direction(direction), n);
    }

    /** The run that starts now: the queued one given, or a new (scheduled) one. */
    public long begin(String tenant, String direction, Long runId) {
        if (runId != null && jdbc.update("UPDATE crm_sync_run SET status = 'RUNNING', started_at = ? WHERE run_id = ?"
                + " AND tenant_id = ?", Timestamp.from(Instant.now()), runId, tenant) == 1) {
            return runId;
        }
        return insert(tenant, direction(direction), "RUNNING", null);
    }

    void finish(Long runId, String status, Object figures, String message) {
        if (runId == null) {
            return;
        }
        jdbc.update("UPDATE crm_sync_run SET status = ?, finished_at = ?, figures_json = ?, message = ? WHERE run_id = ?",
                status, Timestamp.from(Instant.now()), write(figures), clip(message), runId);
    }

    Run get(long runId) {
        return jdbc.queryForObject("SELECT * FROM crm_sync_run WHERE run_id = ?", this::row, runId);
    }

    private long insert(String tenant, String direction, String status, String requestedBy) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO crm_sync_run (tenant_id, direction, status, requested_by,"
                    + " requested_at, started_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"run_id"});
            s.setString(1, tenant);
            s.setString(2, direction);
            s.setString(3, status);
            s.setString(4, requestedBy);
            s.setTimestamp(5, now);
            s.setTimestamp(6, "RUNNING".equals(status) ? now : null);
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    private static String authorize(Caller caller) {
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.INTEGRATION)) {
            throw new HubException(ErrorCode.FORBIDDEN, Phase.AUTHENTICATE,
                    "CRM sync runs need the operator or integration role");
        }
        return caller.tenant().id();
    }

    private static String direction(String direction) {
        String d = direction == null ? "" : direction.trim().toLowerCase(Locale.ROOT);
        if (!d.equals("inbound") && !d.equals("outbound")) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.DELIVER, "the direction is inbound or outbound");
        }
        return d;
    }

    private Run row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Run(rs.getLong("run_id"), rs.getString("tenant_id"), rs.getString("direction"),
                rs.getString("status"), rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                read(rs.getString("figures_json")), rs.getString("message"));
    }

    private String write(Object figures) {
        if (figures == null) {
            return null;
        }
        try {
            Map<String, Object> map = json.convertValue(figures, FIGURES);
            map.remove("tenant");
            map.remove("failures");
            return json.writeValueAsString(map);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot record the figures of a CRM run", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, FIGURES);
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
