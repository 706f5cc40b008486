package io.nl2q.hub.powerbi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Asks Power BI to refresh an import-mode dataset, follows the refresh to its end and records the outcome (table
 * powerbi_refresh). Refused without calling Power BI once the dataset's daily allowance is used. A failed, refused or
 * timed-out refresh counts in {@code hub.powerbi.refresh.failures} and throws, so the delivery route parks it.
 */
class RefreshTrigger {
    private final PowerBiApi api;
    private final RefreshProperties properties;
    private final JdbcTemplate jdbc;
    private final PushClock clock;
    private final Counter failures;

    RefreshTrigger(PowerBiApi api, RefreshProperties properties, JdbcTemplate jdbc, PushClock clock,
                   MeterRegistry meters) {
        this.api = api;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.failures = Counter.builder("hub.powerbi.refresh.failures")
                .description("Power BI dataset refreshes that failed, timed out or were refused").register(meters);
    }

    /** The final status: Completed; anything else throws. */
    String refresh(RefreshProperties.Dataset dataset) throws InterruptedException {
        Instant now = clock.now();
        Instant dayStart = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Integer today = jdbc.queryForObject("SELECT COUNT(*) FROM powerbi_refresh WHERE dataset_id = ?"
                + " AND requested_at >= ? AND status <> 'REFUSED'", Integer.class, dataset.datasetId(),
                Timestamp.from(dayStart));
        if (today != null && today >= properties.maxPerDay()) {
            record(dataset, null, "REFUSED", now, "the daily allowance of " + properties.maxPerDay()
                    + " refreshes is used");
            failures.increment();
            throw new PowerBiException("dataset " + dataset.name() + " was refreshed " + today
                    + " times today; the allowance is " + properties.maxPerDay(), null);
        }
        String requestId;
        try {
            requestId = api.postRefresh(dataset.groupId(), dataset.datasetId()).orElse(null);
        } catch (PowerBiException e) {
            record(dataset, null, "FAILED", now, e.getMessage());
            failures.increment();
            throw e;
        }
        long id = record(dataset, requestId, "REQUESTED", now, null);
        Instant deadline = now.plus(properties.timeout());
        while (true) {
            clock.sleep(properties.pollInterval());
            Optional<PowerBiApi.Refresh> latest = api.latestRefresh(dataset.groupId(), dataset.datasetId());
            String status = latest.map(PowerBiApi.Refresh::status).orElse("Unknown");
            if ("Completed".equals(status)) {
                finish(id, "COMPLETED", null);
                return status;
            }
            if (!"Unknown".equals(status) && !"NotStarted".equals(status)) {
                String error = latest.map(PowerBiApi.Refresh::error).orElse(null);
                finish(id, status.toUpperCase(java.util.Locale.ROOT), error);
                failures.increment();
                throw new PowerBiException("the refresh of " + dataset.name() + " ended " + status
                        + (error == null ? "" : ": " + error), null);
            }
            if (clock.now().isAfter(deadline)) {
                finish(id, "TIMED_OUT", null);
                failures.increment();
                throw new PowerBiException("the refresh of " + dataset.name() + " was still running after "
                        + properties.timeout(), null);
            }
        }
    }

    private long record(RefreshProperties.Dataset dataset, String requestId, String status, Instant at, String message) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO powerbi_refresh (tenant_id, group_id, dataset_id, request_id,"
                    + " status, requested_at, finished_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"refresh_id"});
            s.setString(1, dataset.tenant());
            s.setString(2, dataset.groupId());
            s.setString(3, dataset.datasetId());
            s.setString(4, requestId);
            s.setString(5, status);
            s.setTimestamp(6, Timestamp.from(at));
            s.setTimestamp(7, "REQUESTED".equals(status) ? null : Timestamp.from(at));
            s.setString(8, message);
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    private void finish(long id, String status, String message) {
        jdbc.update("UPDATE powerbi_refresh SET status = ?, finished_at = ?, message = ? WHERE refresh_id = ?", status,
                Timestamp.from(clock.now()), message == null || message.length() <= 4000 ? message
                        : message.substring(0, 4000), id);
    }
}
