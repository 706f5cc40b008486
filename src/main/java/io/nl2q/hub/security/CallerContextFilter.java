package io.nl2q.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    private final TooManyRequests refusals;

    CallerContextFilter(RateLimiter limiter, TooManyRequests refusals) {
        this.limiter = limiter;
        this.refusals = refusals;
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
                long seconds = TooManyRequests.seconds(refused.get().retryAfter());
                String message = "the " + refused.get().limit() + " rate limit is reached; retry after " + seconds
                        + " s";
                refusals.refuse(request, response, caller, "RATE_LIMITED", seconds, message, client);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
