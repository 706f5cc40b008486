package io.nl2q.hub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser-facing settings under {@code hub.security}.
 *
 * @param cors           {@code cors.allowed-origins}: origins whose pages may call the API from a browser (none by default)
 * @param frameAncestors origins allowed to embed the hub's pages in a frame (the CRM domains hosting the widget);
 *                       the hub's own origin always may
 */
@ConfigurationProperties("hub.security")
public record WebSecurityProperties(Cors cors, List<String> frameAncestors) {
    public WebSecurityProperties {
        cors = cors == null ? new Cors(List.of()) : cors;
        frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
        for (String origin : frameAncestors) {
            if (!origin.matches("https://[A-Za-z0-9*.-]+(:\\d+)?")) {
                throw new IllegalArgumentException("hub.security.frame-ancestors takes https origins: " + origin);
            }
        }
    }

    /** @param allowedOrigins exact origins, e.g. https://crm.example.com */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
                + (frameAncestors.isEmpty() ? "" : " " + String.join(" ", frameAncestors));
    }
}
