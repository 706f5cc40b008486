package io.nl2q.hub.web;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.JsonErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only plain paths reach the hub: an empty segment ({@code //}), path parameters ({@code ;x=y}), a backslash, and
 * encoded dots, slashes, backslashes or percent signs are 400 BAD_REQUEST here, before servlets such as Jolokia's,
 * which would otherwise fail on them with a 500 (the security firewall refuses some of them too, its refusals are
 * {@link FirewallRejections}). Writes to the Camel routes endpoint, which is read-only (route control is Hawtio's,
 * through Jolokia's restricted operations), are 405 METHOD_NOT_ALLOWED instead of its own failure.
 */
final class PlainPathFilter extends OncePerRequestFilter {
    private static final String[] ENCODED = {"%2e", "%2f", "%5c", "%25", "%3b"};
    private final boolean routesEndpointReadOnly;
    private final JsonErrorWriter errors;

    PlainPathFilter(boolean routesEndpointReadOnly, JsonErrorWriter errors) {
        this.routesEndpointReadOnly = routesEndpointReadOnly;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!plain(uri)) {
            errors.refuse(request, response, ErrorCode.BAD_REQUEST,
                    "the path is not in its plain form (no //, ;parameters, backslashes or encoded dots and slashes)");
            return;
        }
        String path = uri.substring(request.getContextPath().length());
        if (routesEndpointReadOnly && path.startsWith("/actuator/camelroutes/")
                && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            errors.refuse(request, response, ErrorCode.METHOD_NOT_ALLOWED,
                    "the Camel routes endpoint is read-only; platform operators start and stop routes in Hawtio");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean plain(String uri) {
        if (uri.contains("//") || uri.indexOf(';') >= 0 || uri.indexOf('\\') >= 0) {
            return false;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED) {
            if (lower.contains(encoded)) {
                return false;
            }
        }
        return true;
    }
}
