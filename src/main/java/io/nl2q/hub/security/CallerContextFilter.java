package io.nl2q.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs once a request is authenticated (by key or token): notes where it came from for the audit trail, then takes
 * it from the rate-limit buckets, answering 429 RATE_LIMITED with Retry-After when they are empty. A refusal is
 * recorded as a security event at most once a minute per caller, so a flood cannot flood the audit trail.
 */
final class CallerContextFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final JsonErrorWriter errors;
    private final SecurityEvents events;
    private final Cache<String, Boolean> recentlyRecorded = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    CallerContextFilter(RateLimiter limiter, JsonErrorWriter errors, SecurityEvents events) {
        this.limiter = limiter;
        this.errors = errors;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof CallerAuthentication authenticated) {
            ClientInfo client = new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
            authenticated.setDetails(client);
            Caller caller = authenticated.getPrincipal();
            Optional<RateLimiter.Refusal> refused = limiter.tryAcquire(caller);
            if (refused.isPresent()) {
                long seconds = Math.max(1, (refused.get().retryAfter().toMillis() + 999) / 1000);
                String message = "the " + refused.get().limit() + " rate limit is reached; retry after " + seconds
                        + " s";
                String correlationId = CorrelationIds.of(request);
                if (recentlyRecorded.asMap().putIfAbsent(caller.tenant().id() + "|" + caller.subject(), true) == null) {
                    events.record(caller, "RATE_LIMITED", correlationId, message + " on " + request.getRequestURI(),
                            client);
                }
                errors.rateLimited(request, response, seconds, message);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
