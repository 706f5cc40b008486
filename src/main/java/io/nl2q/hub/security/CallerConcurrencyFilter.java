package io.nl2q.hub.security;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code hub.api.max-concurrent-per-caller} requests of one caller to the data paths (questions, SQL, the
 * Power BI query and the OData feed) are in flight at once; one more is answered 429 RATE_LIMITED with Retry-After
 * at once, so a caller's slow queries cannot take every warehouse connection of the tenant and make everyone else
 * wait for a 503. A request counts until its response is complete, including Camel's asynchronous answer. The first
 * refusal a minute per caller is a security event.
 */
final class CallerConcurrencyFilter extends OncePerRequestFilter {
    private static final String[] DATA_PREFIXES = {"/api/v1/query", "/api/v1/sql", "/api/powerbi/query", "/odata/"};
    private final CallerConcurrencyProperties limits;
    private final TooManyRequests refusals;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    CallerConcurrencyFilter(CallerConcurrencyProperties limits, TooManyRequests refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : DATA_PREFIXES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = auth.getPrincipal();
        String key = caller.tenant().id() + "|" + caller.subject();
        if (!tryEnter(key)) {
            refuse(request, response, caller);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                leave(key);
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(release));
            } else {
                release.run();
            }
        }
    }

    private boolean tryEnter(String key) {
        AtomicBoolean entered = new AtomicBoolean();
        inFlight.compute(key, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limits.maxConcurrentPerCaller()) {
                return now;
            }
            entered.set(true);
            return now + 1;
        });
        return entered.get();
    }

    private void leave(String key) {
        inFlight.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller)
            throws IOException {
        long seconds = TooManyRequests.seconds(limits.concurrencyRetryAfter());
        String message = "you have " + limits.maxConcurrentPerCaller()
                + " requests in flight, the most one caller may; retry after " + seconds + " s";
        refusals.refuse(request, response, caller, "CONCURRENCY_LIMITED", seconds, message,
                SecurityEvents.currentClient());
    }

    /** Releases the caller's slot once an asynchronous answer is complete, failed or timed out. */
    private record Release(Runnable release) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
