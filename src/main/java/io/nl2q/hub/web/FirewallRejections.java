package io.nl2q.hub.web;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.JsonErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A path Spring Security's firewall refuses ({@code //}, {@code ;params}, encoded dots or slashes) is a bad request
 * of the caller: 400 BAD_REQUEST in the error contract, not the container's 500. Picked up by every filter chain.
 */
@Component
class FirewallRejections implements RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);
    private final JsonErrorWriter errors;

    FirewallRejections(JsonErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("firewall refused {}: {}", request.getMethod(), rejected.getMessage());
        errors.refuse(request, response, ErrorCode.BAD_REQUEST,
                "the path is not in its plain form (no //, ;parameters or encoded dots and slashes)");
    }
}
