package io.nl2q.hub.observability;

import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Callers;
import io.nl2q.hub.security.CorrelationIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's correlation id, tenant and caller into the logging context (MDC), so every log line of the
 * request, in the hub's code and in the Camel route it runs, carries them; structured JSON logs in the prod profile
 * print them as fields. It runs after authentication. Requests without a sane {@code X-Correlation-Id} get one here,
 * passed on to the routes as that header, so the log lines, the audit row and the error body share one id.
 */
final class RequestLogContext extends OncePerRequestFilter {
    /** Request attribute naming the caller's tenant, read by {@link TenantTaggedRequests} after the request. */
    static final String TENANT_ATTRIBUTE = RequestLogContext.class.getName() + ".tenant";

    private final ActiveUsers activeUsers;

    RequestLogContext(ActiveUsers activeUsers) {
        this.activeUsers = activeUsers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationIds.of(request);
        Caller caller = Callers.ofCurrentThread().orElse(null);
        LogContext.set(caller, correlationId);
        if (caller != null) {
            request.setAttribute(TENANT_ATTRIBUTE, caller.tenant().id());
            activeUsers.seen(caller.tenant().id(), caller.subject());
        }
        try {
            chain.doFilter(new WithCorrelationId(request, correlationId), response);
        } finally {
            LogContext.clear();
        }
    }

    /** The request as the routes see it: its correlation id header is the one the logs carry. */
    private static final class WithCorrelationId extends HttpServletRequestWrapper {
        private final String id;

        WithCorrelationId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        @Override
        public String getHeader(String name) {
            return CorrelationIds.HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CorrelationIds.HEADER.equalsIgnoreCase(name)
                    ? Collections.enumeration(Set.of(id)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(CorrelationIds.HEADER);
            return Collections.enumeration(names);
        }
    }
}
