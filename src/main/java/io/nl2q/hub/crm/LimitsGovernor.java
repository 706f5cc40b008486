package io.nl2q.hub.crm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keeps each org within its API allocation: learns usage from every response's {@code Sforce-Limit-Info} header and
 * from the limits resource, refuses new calls at {@code pauseAt} of the daily allocation (the sync resumes at its next
 * run), and bounds concurrent long requests. Publishes {@code hub.crm.api.calls} and {@code hub.crm.api.daily.used}.
 */
@Component
class LimitsGovernor {
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");
    private final CrmProperties properties;
    private final MeterRegistry meters;
    private final Map<String, Org> orgs = new ConcurrentHashMap<>();

    LimitsGovernor(CrmProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** Before a call: refuses it when the org is at or past the pause threshold. */
    void beforeCall(String tenant) {
        Org org = org(tenant);
        long used = org.used.get();
        long max = org.max.get();
        if (max > 0 && used >= Math.floor(max * properties.sync().pauseAt())) {
            throw new ApiLimitPause(tenant, used, max);
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

    /** Usage as the limits resource or a header reported it. */
    void record(String tenant, long used, long max) {
        Org org = org(tenant);
        org.used.set(used);
        org.max.set(max);
    }

    /** REQUEST_LIMIT_EXCEEDED: the org is out of calls whatever the counters said. */
    void exhausted(String tenant) {
        Org org = org(tenant);
        org.used.set(Math.max(org.used.get(), Math.max(1, org.max.get())));
        org.max.compareAndSet(0, org.used.get());
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
    <T> T longRequest(String tenant, java.util.function.Supplier<T> call) {
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
    }
}
