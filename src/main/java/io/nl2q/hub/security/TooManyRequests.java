package io.nl2q.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * 429 RATE_LIMITED to a caller, for the rate limit and the concurrency limit alike: Retry-After in whole seconds, and
 * a security event at most once a minute per caller and kind of refusal, so a flood cannot flood the audit trail.
 */
final class TooManyRequests {
    private final JsonErrorWriter errors;
    private final SecurityEvents events;
    private final Cache<String, Boolean> recentlyRecorded = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    TooManyRequests(JsonErrorWriter errors, SecurityEvents events) {
        this.errors = errors;
        this.events = events;
    }

    /** A wait as Retry-After: whole seconds, rounded up, at least one. */
    static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** @param event the security event's type (RATE_LIMITED, CONCURRENCY_LIMITED) */
    void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, String event, long seconds,
                String message, ClientInfo client) throws IOException {
        String key = event + "|" + caller.tenant().id() + "|" + caller.subject();
        if (recentlyRecorded.asMap().putIfAbsent(key, true) == null) {
            events.record(caller, event, CorrelationIds.of(request), message + " on " + request.getRequestURI(),
                    client);
        }
        errors.rateLimited(request, response, seconds, message);
    }
}
