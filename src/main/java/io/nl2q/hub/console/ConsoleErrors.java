package io.nl2q.hub.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ApiError;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refusals of the operator console in the public error contract, written before Hawtio or Jolokia see a request. */
final class ConsoleErrors {
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);
    private final ObjectMapper json;

    ConsoleErrors(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        String correlationId = CorrelationIds.of(request);
        log.info("operator console refused {} {} with {}: {} [{}]", request.getMethod(), request.getRequestURI(),
                code, message, correlationId);
        ApiError error = ApiError.of(code, Phase.AUTHENTICATE, message, correlationId, null);
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setHeader(CorrelationIds.HEADER, correlationId);
        json.writeValue(response.getOutputStream(), error.payload());
    }
}
