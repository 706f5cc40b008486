package io.nl2q.hub.crm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps each org within its API allocation: learns usage from every response's {@code Sforce-Limit-Info} header and
 * from the limits resource, refuses new work at {@code pauseAt} of the daily allocation, and bounds concurrent long
 * requests. A pause is a state with an end, not a latch: Salesforce counts usage over a rolling 24 hours, so once
 * {@code limitsRecheck} has passed the next read of the limits resource is let through, and usage found below the
 * threshold ends the pause. Calls that finish a Bulk job already started are let through past the threshold (a
 * handful; the allocation is not yet exhausted) so that a job is not abandoned half done.
 * Publishes {@code hub.crm.api.calls} and {@code hub.crm.api.daily.used}.
 */
@Component
class LimitsGovernor {
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");
    private final CrmProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Org> orgs = new ConcurrentHashMap<>();

    /** What a call is for: new work, a read of the limits resource, or the rest of a Bulk job already started. */
    enum Kind { WORK, LIMITS, CONTINUATION }

    @Autowired
    LimitsGovernor(CrmProperties properties, MeterRegistry meters) {
        this(properties, meters, Clock.systemUTC());
    }

    LimitsGovernor(CrmProperties properties, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Before a call: refuses it while the org is paused, except as the class comment says. */
    void beforeCall(String tenant, Kind kind) {
        Org org = org(tenant);
        synchronized (org) {
            if (!org.overThreshold(properties.sync().pauseAt())) {
                return;
            }
            Instant now = clock.instant();
            if (kind == Kind.CONTINUATION && !org.exhausted) {
                return;
            }
            if (kind == Kind.LIMITS && (org.recheckAt == null || !now.isBefore(org.recheckAt))) {
                // one read of the limits resource per recheck interval, however many runs ask
                org.recheckAt = now.plus(properties.sync().limitsRecheck());
                return;
            }
            if (org.recheckAt == null) {
                org.recheckAt = now.plus(properties.sync().limitsRecheck());
            }
            throw new ApiLimitPause(tenant, org.used.get(), org.max.get(), org.recheckAt);
        }
    }

    /** After a call that reached the org (successful or not): counts it and reads the usage header, if any. */
    void afterCall(String tenant, String limitInfo) {
        Org org = org(tenant);
        org.calls.increment();
        org.used.incrementAndGet();
        if (limitInfo != null) {
            Matcher m = API_USAGE.matcher(limitInfo);
            if (m.find()) {
                record(tenant, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
    }

    /** Usage as the limits resource or a header reported it; usage below the threshold ends a pause. */
    void record(String tenant, long used, long max) {
        Org org = org(tenant);
        synchronized (org) {
            org.used.set(used);
            org.max.set(max);
            if (!org.overThreshold(properties.sync().pauseAt())) {
                org.recheckAt = null;
                org.exhausted = false;
            }
        }
    }

    /** REQUEST_LIMIT_EXCEEDED: the org is out of calls whatever the counters said, until the next recheck. */
    void exhausted(String tenant) {
        Org org = org(tenant);
        synchronized (org) {
            org.used.set(Math.max(org.used.get(), Math.max(1, org.max.get())));
            org.max.compareAndSet(0, org.used.get());
            org.exhausted = true;
            org.recheckAt = clock.instant().plus(properties.sync().limitsRecheck());
        }
    }

    /** Whether new work for the org is refused until its limits are read again. */
    boolean paused(String tenant) {
        Org org = org(tenant);
        synchronized (org) {
            return org.overThreshold(properties.sync().pauseAt());
        }
    }

    CrmAdapter.ApiUsage usage(String tenant) {
        Org org = org(tenant);
        return new CrmAdapter.ApiUsage(org.used.get(), org.max.get());
    }

    /** Calls made by this hub for the tenant since start. */
    long calls(String tenant) {
        return (long) org(tenant).calls.count();
    }

    /** Runs a long request (query page, Bulk job call) within the org's concurrency bound. */
    <T> T longRequest(String tenant, Supplier<T> call) {
        Semaphore permits = org(tenant).longRequests;
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a long-request slot", e);
        }
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    private Org org(String tenant) {
        return orgs.computeIfAbsent(tenant, t -> new Org(t, properties.sync().maxLongRequests(), meters));
    }

    private static final class Org {
        final AtomicLong used = new AtomicLong();
        final AtomicLong max = new AtomicLong();
        final Semaphore longRequests;
        final Counter calls;
        /** while paused: when the limits resource may be read again; null when not paused */
        Instant recheckAt;
        boolean exhausted;

        Org(String tenant, int maxLongRequests, MeterRegistry meters) {
            longRequests = new Semaphore(Math.max(1, maxLongRequests), true);
            calls = Counter.builder("hub.crm.api.calls").description("Salesforce API calls made by the hub")
                    .tag("tenant", tenant).register(meters);
            Gauge.builder("hub.crm.api.daily.used", used, AtomicLong::get)
                    .description("daily API requests used by the org, as Salesforce last reported")
                    .tag("tenant", tenant).register(meters);
            Gauge.builder("hub.crm.api.daily.max", max, AtomicLong::get)
                    .description("daily API request allocation of the org").tag("tenant", tenant).register(meters);
        }

        boolean overThreshold(double pauseAt) {
            long m = max.get();
            return exhausted || m > 0 && used.get() >= Math.floor(m * pauseAt);
        }
    }
}
