package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Calls pulled from the CRM whose account is not an HCP of the warehouse yet (not pulled yet, or parked as a
 * conflict): kept in the app-state database (table crm_pending_call) instead of being skipped, and loaded once their
 * account is linked.
 */
@Component
class PendingCalls {
    private static final TypeReference<Map<String, String>> RECORD = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PendingCalls(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the calls (a newer version of a pending call replaces the older one). */
    void keep(String tenant, String accountField, Collection<Map<String, String>> calls) {
        if (calls.isEmpty()) {
            return;
        }
        forget(tenant, calls.stream().map(r -> r.get("Id")).toList());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(calls.size());
        for (Map<String, String> r : calls) {
            rows.add(new Object[] {tenant, r.get("Id"), r.get(accountField), write(r), now});
        }
        jdbc.batchUpdate("INSERT INTO crm_pending_call (tenant_id, crm_call_id, crm_account_id, record_json,"
                + " first_seen_at) VALUES (?, ?, ?, ?, ?)", rows);
    }

    void forget(String tenant, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("DELETE FROM crm_pending_call WHERE tenant_id = ? AND crm_call_id = ?",
                callIds.stream().map(id -> new Object[] {tenant, id}).toList());
    }

    /** The accounts pending calls wait for. */
    Set<String> accounts(String tenant) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT crm_account_id FROM crm_pending_call"
                + " WHERE tenant_id = ? AND crm_account_id IS NOT NULL", String.class, tenant));
    }

    /** The pending calls of these accounts, by call id. */
    Map<String, Map<String, String>> of(String tenant, Collection<String> accountIds) {
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        List<String> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(tenant);
            args.addAll(chunk);
            jdbc.query("SELECT crm_call_id, record_json FROM crm_pending_call WHERE tenant_id = ? AND crm_account_id IN ("
                    + marks + ")", rs -> {
                        calls.put(rs.getString(1), read(rs.getString(2)));
                    }, args.toArray());
        }
        return calls;
    }

    int count(String tenant) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM crm_pending_call WHERE tenant_id = ?", Integer.class,
                tenant);
        return n == null ? 0 : n;
    }

    private String write(Map<String, String> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return new HashMap<>(json.readValue(text, RECORD));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pending call", e);
        }
    }
}
