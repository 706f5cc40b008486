package io.nl2q.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ApiError;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refusals at the web edge (body too large, wrong charset, a path the firewall rejects, no such path) in the public
 * error contract, written before any route or controller sees the request.
 */
@Component
class WebErrors {
    private final ObjectMapper json;

    WebErrors(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String correlationId = CorrelationIds.of(request);
        ApiError error = ApiError.of(code, Phase.REQUEST, message, correlationId, null);
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setHeader(CorrelationIds.HEADER, correlationId);
        json.writeValue(response.getOutputStream(), error.payload());
    }
}
