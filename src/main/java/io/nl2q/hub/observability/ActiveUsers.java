package io.nl2q.hub.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callers seen per tenant within a window, as the gauge {@code hub.users.active{tenant}} (this replica's view; a
 * dashboard sums the replicas, so one person on two replicas counts twice).
 */
final class ActiveUsers {
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Map<String, Long>> lastSeen = new ConcurrentHashMap<>();

    ActiveUsers(MeterRegistry registry, Clock clock, Duration window) {
        this.registry = registry;
        this.clock = clock;
        this.window = window;
    }

    void seen(String tenant, String subject) {
        lastSeen.computeIfAbsent(tenant, this::register).put(subject, clock.millis());
    }

    int active(String tenant) {
        Map<String, Long> seen = lastSeen.get(tenant);
        if (seen == null) {
            return 0;
        }
        long since = clock.millis() - window.toMillis();
        seen.values().removeIf(at -> at < since);
        return seen.size();
    }

    private Map<String, Long> register(String tenant) {
        Gauge.builder("hub.users.active", () -> active(tenant))
                .description("Distinct callers of the tenant seen in the last " + window.toMinutes() + " minutes")
                .tag("tenant", tenant).register(registry);
        return new ConcurrentHashMap<>();
    }
}
