package io.nl2q.hub.crm;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The sync's memory in the app-state database: watermarks, opt-out flags, insights and what the CRM accepted. */
@Component
class SyncState {
    private final JdbcTemplate jdbc;

    SyncState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param lastId the id of the last record applied at {@code watermark}, when records came in (stamp, id) order */
    record Watermark(Instant watermark, Instant reconciledAt, String lastId) {
        CrmAdapter.Position position() {
            return new CrmAdapter.Position(watermark, lastId);
        }
    }

    Optional<Watermark> watermark(String tenant, String objectKey) {
        return jdbc.query("SELECT watermark, reconciled_at, last_id FROM crm_watermark WHERE tenant_id = ?"
                + " AND object_key = ?", (rs, i) -> new Watermark(instant(rs.getTimestamp(1)),
                instant(rs.getTimestamp(2)), rs.getString(3)), tenant, objectKey).stream().findFirst();
    }

    /** Moves the watermark forward only, in (stamp, id) order (a replayed older page never moves it back). */
    void advance(String tenant, String objectKey, CrmAdapter.Position to) {
        Instant now = Instant.now();
        Timestamp stamp = ts(to.stamp());
        int n = to.id() == null
                ? jdbc.update("UPDATE crm_watermark SET watermark = ?, last_id = NULL, updated_at = ? WHERE tenant_id = ?"
                + " AND object_key = ? AND (watermark IS NULL OR watermark < ?)", stamp, ts(now), tenant, objectKey, stamp)
                : jdbc.update("UPDATE crm_watermark SET watermark = ?, last_id = ?, updated_at = ? WHERE tenant_id = ?"
                + " AND object_key = ? AND (watermark IS NULL OR watermark < ? OR (watermark = ? AND (last_id IS NULL"
                + " OR last_id < ?)))", stamp, to.id(), ts(now), tenant, objectKey, stamp, stamp, to.id());
        if (n == 0 && watermark(tenant, objectKey).isEmpty()) {
            jdbc.update("INSERT INTO crm_watermark (tenant_id, object_key, watermark, last_id, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)", tenant, objectKey, stamp, to.id(), ts(now));
        }
    }

    void reconciled(String tenant, String objectKey, Instant at) {
        if (watermark(tenant, objectKey).isEmpty()) {
            jdbc.update("INSERT INTO crm_watermark (tenant_id, object_key, watermark, reconciled_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)", tenant, objectKey, ts(at), ts(at), ts(Instant.now()));
        } else {
            jdbc.update("UPDATE crm_watermark SET reconciled_at = ?, watermark = CASE WHEN watermark IS NULL OR"
                    + " watermark < ? THEN ? ELSE watermark END, updated_at = ? WHERE tenant_id = ? AND object_key = ?",
                    ts(at), ts(at), ts(at), ts(Instant.now()), tenant, objectKey);
        }
    }

    /** The replay id of the last change event applied from {@code channel}, if any. */
    Optional<Long> replayId(String tenant, String channel) {
        return jdbc.queryForList("SELECT replay_id FROM crm_cdc_replay WHERE tenant_id = ? AND channel = ?", Long.class,
                tenant, channel).stream().findFirst();
    }

    /** Records that the event {@code replayId} of {@code channel} is in the warehouse. */
    void replayed(String tenant, String channel, long replayId) {
        Timestamp now = ts(Instant.now());
        if (jdbc.update("UPDATE crm_cdc_replay SET replay_id = ?, updated_at = ? WHERE tenant_id = ? AND channel = ?",
                replayId, now, tenant, channel) == 0) {
            jdbc.update("INSERT INTO crm_cdc_replay (tenant_id, channel, replay_id, updated_at) VALUES (?, ?, ?, ?)",
                    tenant, channel, replayId, now);
        }
    }

    void forgetReplay(String tenant, String channel) {
        jdbc.update("DELETE FROM crm_cdc_replay WHERE tenant_id = ? AND channel = ?", tenant, channel);
    }

    /** Forgets where the pulls of the tenant stand: the next pull is a first load with a full key reconciliation. */
    void forgetWatermarks(String tenant) {
        jdbc.update("DELETE FROM crm_watermark WHERE tenant_id = ?", tenant);
    }

    void forget(String tenant) {
        jdbc.update("DELETE FROM crm_pending_call WHERE tenant_id = ?", tenant);
        jdbc.update("DELETE FROM crm_cdc_replay WHERE tenant_id = ?", tenant);
        jdbc.update("DELETE FROM crm_watermark WHERE tenant_id = ?", tenant);
        jdbc.update("DELETE FROM crm_account_flag WHERE tenant_id = ?", tenant);
        jdbc.update("DELETE FROM crm_insight WHERE tenant_id = ?", tenant);
    }

    void optOuts(String tenant, Map<String, Boolean> flags) {
        List<Object[]> rows = flags.entrySet().stream().map(e -> new Object[] {e.getValue(), tenant, e.getKey()})
                .toList();
        int[] updated = jdbc.batchUpdate("UPDATE crm_account_flag SET pdrp_opt_out = ? WHERE tenant_id = ?"
                + " AND crm_account_id = ?", rows);
        List<Object[]> inserts = new java.util.ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] r = rows.get(i);
                inserts.add(new Object[] {r[1], r[2], r[0]});
            }
        }
        jdbc.batchUpdate("INSERT INTO crm_account_flag (tenant_id, crm_account_id, pdrp_opt_out) VALUES (?, ?, ?)",
                inserts);
    }

    /** The org's current opt-outs, read at push time, replace what the last pull said. */
    void optedOutNow(String tenant, java.util.Set<String> optedOut) {
        jdbc.update("UPDATE crm_account_flag SET pdrp_opt_out = FALSE WHERE tenant_id = ? AND pdrp_opt_out = TRUE",
                tenant);
        var flags = new java.util.HashMap<String, Boolean>();
        optedOut.forEach(id -> flags.put(id, true));
        optOuts(tenant, flags);
    }

    java.util.Set<String> optedOut(String tenant) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT crm_account_id FROM crm_account_flag WHERE"
                + " tenant_id = ? AND pdrp_opt_out = TRUE", String.class, tenant));
    }

    /** Records a computed insight; returns whether its content differs from what the CRM last accepted. */
    boolean saveInsight(String tenant, Insight insight) {
        Instant now = Instant.now();
        int n = jdbc.update("UPDATE crm_insight SET trend = ?, summary = ?, message = ?, content_hash = ?, computed_at = ?"
                + " WHERE tenant_id = ? AND crm_account_id = ?", insight.trend(), insight.summary(), insight.message(),
                insight.contentHash(), ts(now), tenant, insight.crmAccountId());
        if (n == 0) {
            jdbc.update("INSERT INTO crm_insight (tenant_id, crm_account_id, trend, summary, message, content_hash,"
                    + " computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, insight.crmAccountId(), insight.trend(),
                    insight.summary(), insight.message(), insight.contentHash(), ts(now));
            return true;
        }
        String pushed = jdbc.queryForObject("SELECT pushed_hash FROM crm_insight WHERE tenant_id = ? AND"
                + " crm_account_id = ?", String.class, tenant, insight.crmAccountId());
        return !insight.contentHash().equals(pushed);
    }

    void pushed(String tenant, String crmAccountId, String contentHash) {
        jdbc.update("UPDATE crm_insight SET pushed_hash = ?, pushed_at = ? WHERE tenant_id = ? AND crm_account_id = ?",
                contentHash, ts(Instant.now()), tenant, crmAccountId);
    }

    /**
     * The insight of an account that opted out was taken off the CRM: nothing counts as pushed any more, and the hub
     * keeps no analysis of it to show.
     */
    void insightCleared(String tenant, String crmAccountId) {
        jdbc.update("DELETE FROM crm_insight WHERE tenant_id = ? AND crm_account_id = ?", tenant, crmAccountId);
    }

    Optional<Map<String, Object>> latestInsight(String tenant, String crmAccountId) {
        return jdbc.queryForList("SELECT trend, summary, message, computed_at, pushed_at FROM crm_insight WHERE"
                + " tenant_id = ? AND crm_account_id = ?", tenant, crmAccountId).stream().findFirst();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
