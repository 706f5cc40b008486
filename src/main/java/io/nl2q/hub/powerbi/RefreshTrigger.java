package io.nl2q.hub.powerbi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.errors.PermanentFailure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes of import-mode datasets as states in table powerbi_refresh, moved on by calls, never by a waiting thread:
 * {@link #refresh} posts the dataset's refresh (or saves it as WAITING when Power BI says to come back later: a long
 * Retry-After, the daily cap), {@link #follow} polls a posted refresh by its own request id (several may run at once,
 * scheduled ones and others' included) until it ends. A refresh that fails, is refused by the daily allowance or runs
 * past the timeout is counted in {@code hub.powerbi.refresh.failures} and thrown as a {@link PermanentFailure}: the
 * delivery route parks it at once instead of spending more of the day's refreshes on redeliveries.
 */
class RefreshTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTrigger.class);
    private static final Duration ADOPT_WINDOW = Duration.ofMinutes(2);
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

    /** A refresh as table powerbi_refresh holds it. */
    record Refresh(long id, String tenant, String dataset, String datasetId, String requestId, String status,
                   Instant requestedAt, Instant postedAt, Instant finishedAt, Instant resumeAt, Instant nextPollAt,
                   String message, String requestedBy) {
    }

    /** The dataset's open refresh (queued, waiting or running), or a new queued one. */
    Refresh request(RefreshProperties.Dataset dataset, String requestedBy) {
        return open(dataset).orElseGet(() -> get(insert(dataset, requestedBy)));
    }

    /** Posts the dataset's open refresh unless it runs already or must wait; the status it is in afterwards. */
    String refresh(RefreshProperties.Dataset dataset) throws InterruptedException {
        Refresh r = request(dataset, null);
        Instant now = clock.now();
        if ("REQUESTED".equals(r.status())) {
            return "REQUESTED " + r.requestId();
        }
        if ("WAITING".equals(r.status()) && r.resumeAt() != null && now.isBefore(r.resumeAt())) {
            return "WAITING until " + r.resumeAt();
        }
        Instant dayStart = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Integer today = jdbc.queryForObject("SELECT COUNT(*) FROM powerbi_refresh WHERE dataset_id = ?"
                + " AND posted_at >= ?", Integer.class, dataset.datasetId(), Timestamp.from(dayStart));
        if (today != null && today >= properties.maxPerDay()) {
            throw fail(r, "REFUSED", "dataset " + dataset.name() + " was refreshed " + today + " times today; the"
                    + " allowance is " + properties.maxPerDay());
        }
        try {
            Optional<String> requestId = api.postRefresh(dataset.groupId(), dataset.datasetId());
            requested(r.id(), requestId.orElse(null), now);
            return "REQUESTED " + requestId.orElse("(no request id)");
        } catch (PowerBiApi.RetryLater e) {
            update(r.id(), "WAITING", "resume_at = ?, message = ?", Timestamp.from(e.at()), e.getMessage());
            return "WAITING until " + e.at();
        } catch (PowerBiApi.AmbiguousWrite e) {
            // Power BI may have started it: a second POST would spend another of the day's refreshes
            Optional<PowerBiApi.Refresh> started = adoptable(dataset, now);
            if (started.isPresent()) {
                requested(r.id(), started.get().requestId(), now);
                return "REQUESTED " + started.get().requestId();
            }
            throw fail(r, "FAILED", e.getMessage());
        } catch (PushClock.Stopping e) {
            update(r.id(), "WAITING", "resume_at = ?, message = ?", Timestamp.from(now), "the hub stopped");
            return "WAITING: the hub stopped";
        } catch (PowerBiException e) {
            throw fail(r, "FAILED", e.getMessage());
        }
    }

    /** Names of datasets whose refresh is due: waiting past its time, queued for a while, or due for a poll. */
    List<String> due() {
        Timestamp now = Timestamp.from(clock.now());
        return jdbc.queryForList("SELECT DISTINCT dataset_name FROM powerbi_refresh WHERE dataset_name IS NOT NULL AND"
                + " ((status = 'WAITING' AND resume_at <= ?) OR (status = 'REQUESTED' AND next_poll_at <= ?)"
                + " OR (status = 'QUEUED' AND requested_at <= ?))", String.class, now, now,
                Timestamp.from(clock.now().minus(Duration.ofMinutes(1))));
    }

    /** Moves the dataset's open refresh on: a due waiting one is posted, a requested one polled by its request id. */
    String follow(RefreshProperties.Dataset dataset) throws InterruptedException {
        Optional<Refresh> open = open(dataset);
        if (open.isEmpty()) {
            return "no open refresh";
        }
        Refresh r = open.get();
        Instant now = clock.now();
        if (!"REQUESTED".equals(r.status())) {
            return refresh(dataset);
        }
        if (r.nextPollAt() != null && now.isBefore(r.nextPollAt())) {
            return "RUNNING";
        }
        List<PowerBiApi.Refresh> history;
        try {
            history = api.refreshes(dataset.groupId(), dataset.datasetId(), 60);
        } catch (PowerBiApi.RetryLater e) {
            update(r.id(), "REQUESTED", "next_poll_at = ?", Timestamp.from(e.at()));
            return "RUNNING";
        }
        String requestId = r.requestId();
        Optional<PowerBiApi.Refresh> mine = history.stream().filter(h -> requestId != null
                && requestId.equalsIgnoreCase(h.requestId())).findFirst();
        if (requestId == null) {
            mine = adoptable(dataset, r.postedAt());
            mine.ifPresent(m -> update(r.id(), "REQUESTED", "request_id = ?", m.requestId()));
        }
        String status = mine.map(PowerBiApi.Refresh::status).orElse("Unknown");
        if ("Completed".equals(status)) {
            update(r.id(), "COMPLETED", "finished_at = ?", Timestamp.from(now));
            return "COMPLETED";
        }
        if (List.of("Failed", "Cancelled", "Disabled").contains(status)) {
            String error = mine.map(PowerBiApi.Refresh::error).orElse(null);
            throw fail(r, status.toUpperCase(Locale.ROOT), "the refresh of " + dataset.name() + " ended " + status
                    + (error == null ? "" : ": " + error));
        }
        if (r.postedAt() != null && now.isAfter(r.postedAt().plus(properties.timeout()))) {
            throw fail(r, "TIMED_OUT", "the refresh of " + dataset.name() + " was still running after "
                    + properties.timeout());
        }
        update(r.id(), "REQUESTED", "next_poll_at = ?", Timestamp.from(now.plus(properties.pollInterval())));
        return "RUNNING";
    }

    /** The tenant's latest refreshes, newest first. */
    List<Refresh> recent(String tenant, int limit) {
        return jdbc.query("SELECT * FROM powerbi_refresh WHERE tenant_id = ? ORDER BY refresh_id DESC LIMIT ?",
                this::row, tenant, limit);
    }

    Refresh get(long id) {
        return jdbc.queryForObject("SELECT * FROM powerbi_refresh WHERE refresh_id = ?", this::row, id);
    }

    /** A refresh started through the API since {@code since} that no row of ours names: the one we asked for. */
    private Optional<PowerBiApi.Refresh> adoptable(RefreshProperties.Dataset dataset, Instant since)
            throws InterruptedException {
        Instant from = (since == null ? clock.now() : since).minus(ADOPT_WINDOW);
        for (PowerBiApi.Refresh h : api.refreshes(dataset.groupId(), dataset.datasetId(), 10)) {
            if ("ViaApi".equals(h.refreshType()) && h.requestId() != null && h.startTime() != null
                    && !h.startTime().isBefore(from) && jdbc.queryForObject("SELECT COUNT(*) FROM powerbi_refresh"
                    + " WHERE request_id = ?", Integer.class, h.requestId()) == 0) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private Optional<Refresh> open(RefreshProperties.Dataset dataset) {
        return jdbc.query("SELECT * FROM powerbi_refresh WHERE dataset_id = ? AND status IN ('QUEUED', 'WAITING',"
                + " 'REQUESTED') ORDER BY refresh_id", this::row, dataset.datasetId()).stream().findFirst();
    }

    private PermanentFailure fail(Refresh r, String status, String message) {
        update(r.id(), status, "finished_at = ?, message = ?", Timestamp.from(clock.now()), clip(message));
        failures.increment();
        LOG.warn("Power BI refresh {}: {}", r.dataset(), message);
        return new PermanentFailure(ErrorCode.INTERNAL, Phase.DELIVER, message);
    }

    private void requested(long id, String requestId, Instant at) {
        update(id, "REQUESTED", "request_id = ?, posted_at = ?, resume_at = NULL, next_poll_at = ?, message = NULL",
                requestId, Timestamp.from(at), Timestamp.from(at.plus(properties.pollInterval())));
    }

    private void update(long id, String status, String set, Object... values) {
        Object[] args = new Object[values.length + 2];
        args[0] = status;
        System.arraycopy(values, 0, args, 1, values.length);
        args[values.length + 1] = id;
        jdbc.update("UPDATE powerbi_refresh SET status = ?, " + set + " WHERE refresh_id = ?", args);
    }

    private long insert(RefreshProperties.Dataset dataset, String requestedBy) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO powerbi_refresh (tenant_id, group_id, dataset_id, dataset_name,"
                    + " status, requested_at, requested_by) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?)",
                    new String[] {"refresh_id"});
            s.setString(1, dataset.tenant());
            s.setString(2, dataset.groupId());
            s.setString(3, dataset.datasetId());
            s.setString(4, dataset.name());
            s.setTimestamp(5, Timestamp.from(clock.now()));
            s.setString(6, requestedBy);
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    private Refresh row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Refresh(rs.getLong("refresh_id"), rs.getString("tenant_id"), rs.getString("dataset_name"),
                rs.getString("dataset_id"), rs.getString("request_id"), rs.getString("status"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("posted_at")),
                instant(rs.getTimestamp("finished_at")), instant(rs.getTimestamp("resume_at")),
                instant(rs.getTimestamp("next_poll_at")), rs.getString("message"), rs.getString("requested_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
