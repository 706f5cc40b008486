package io.nl2q.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ApiError;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.Phase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Refusals written before a request reaches any route, in the public error contract: 401 and 403 of the security
 * filters, 429 of the rate and concurrency limits, and the web edge's refusals (body, path, no handler).
 */
@Component
public class JsonErrorWriter implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;
    private final SecurityEvents events;

    JsonErrorWriter(ObjectMapper json, SecurityEvents events) {
        this.json = json;
        this.events = events;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, "authentication required: send an X-API-Key header or a bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication known) {
            events.record(known.getPrincipal(), "FORBIDDEN", CorrelationIds.of(request),
                    request.getMethod() + " " + request.getRequestURI(), SecurityEvents.currentClient());
        }
        write(response, ErrorCode.FORBIDDEN, "your roles do not allow this operation", request);
    }

    public void rateLimited(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, String message)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, ErrorCode.RATE_LIMITED, message, request);
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        // browsers (Hawtio) and challenge-driven clients (Power BI and Olingo Basic credentials on the feed)
        if (request.getRequestURI().startsWith("/actuator/hawtio") || request.getRequestURI().startsWith("/odata/")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"nl2q-hub\"");
        }
        write(response, ErrorCode.UNAUTHORIZED, message, request);
    }

    /**
     * A refusal at the web edge (body too large, wrong charset, a path the firewall rejects, no such path), in phase
     * REQUEST; nothing when the response is already committed.
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        write(response, code, Phase.REQUEST, message, request);
    }

    private void write(HttpServletResponse response, ErrorCode code, String message, HttpServletRequest request)
            throws IOException {
        write(response, code, code == ErrorCode.RATE_LIMITED ? Phase.REQUEST : Phase.AUTHENTICATE, message, request);
    }

    private void write(HttpServletResponse response, ErrorCode code, Phase phase, String message,
                       HttpServletRequest request) throws IOException {
        String correlationId = CorrelationIds.of(request);
        ApiError error = ApiError.of(code, phase, message, correlationId, null);
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setHeader(CorrelationIds.HEADER, correlationId);
        json.writeValue(response.getOutputStream(), error.payload());
    }
}
