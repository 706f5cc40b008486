package io.nl2q.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its API key: the {@code X-API-Key} header, or the password of HTTP Basic. On operations
 * paths a platform operator's key ({@link PlatformOperators}) is taken too; elsewhere it is unknown. A presented but
 * unknown key is answered 401 at once; a request with no key goes on unauthenticated and is refused by the
 * authorization rules where a role is needed. (Hawtio and Jolokia have a chain of their own, OperatorConsoleSecurity.)
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    /** Where a platform operator's key is taken too: operations, not tenant data (those routes need a tenant). */
    private static final List<String> PLATFORM_PATHS = List.of("/api/v1/ops/", "/actuator/");
    private final ApiKeyStore keys;
    private final PlatformOperators platform;
    private final JsonErrorWriter errors;

    ApiKeyAuthenticationFilter(ApiKeyStore keys, PlatformOperators platform, JsonErrorWriter errors) {
        this.keys = keys;
        this.platform = platform;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isPresent()) {
            Optional<Caller> caller = keys.authenticate(presented.get());
            Optional<PlatformOperator> operator = caller.isPresent() || !onPlatformPath(request) ? Optional.empty()
                    : platform.byKey(presented.get());
            if (caller.isEmpty() && operator.isEmpty()) {
                errors.unauthorized(request, response, "the API key is unknown, revoked or expired");
                return;
            }
            SecurityContextHolder.setContext(new SecurityContextImpl(caller.isPresent()
                    ? new CallerAuthentication(caller.get()) : new PlatformOperatorAuthentication(operator.get())));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean onPlatformPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PLATFORM_PATHS.stream().anyMatch(path::startsWith);
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String password = colon < 0 ? "" : decoded.substring(colon + 1);
                return password.isBlank() ? Optional.empty() : Optional.of(password);
            } catch (IllegalArgumentException notBase64) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }
}
