package io.nl2q.hub.console;

import io.nl2q.hub.errors.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console answers its own pages only. A request whose {@code Origin} is another site is refused (preflights
 * included), so a page an operator happens to visit cannot drive Jolokia with the operator's session or saved Basic
 * credentials; and no response carries CORS headers, whatever Jolokia or Hawtio would have added. A state-changing
 * request that rides on the console's session cookie must name its origin (browsers always do on POST): that is the
 * console's XSRF check, since Hawtio's front end sends no token of its own.
 */
final class SameOriginFilter extends OncePerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private final ConsoleErrors errors;

    SameOriginFilter(ConsoleErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.toLowerCase(Locale.ROOT).equals(ownOrigin(request))) {
            errors.write(request, response, ErrorCode.FORBIDDEN,
                    "the operator console answers its own pages only, not " + clip(origin));
            return;
        }
        if (origin == null && !SAFE.contains(request.getMethod()) && ridesOnCookie(request)) {
            errors.write(request, response, ErrorCode.FORBIDDEN,
                    "a console session's POST must come from the console's own page (no Origin header)");
            return;
        }
        chain.doFilter(request, new NoCorsHeaders(response));
    }

    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** No credentials of its own: the request is authenticated by the session cookie, if at all. */
    private static boolean ridesOnCookie(HttpServletRequest request) {
        return request.getHeader("Authorization") == null && request.getHeader("X-API-Key") == null
                && request.getHeader("Cookie") != null;
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100);
    }

    /** Drops every Access-Control-* header: the console is never read from another origin. */
    private static final class NoCorsHeaders extends HttpServletResponseWrapper {
        NoCorsHeaders(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isCors(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isCors(name)) {
                super.addHeader(name, value);
            }
        }

        private static boolean isCors(String name) {
            return name != null && name.regionMatches(true, 0, "Access-Control-", 0, 15);
        }
    }
}
