package io.nl2q.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its API key: the {@code X-API-Key} header, or the password of HTTP Basic (so an operator
 * can open Hawtio in a browser with a key). A presented but unknown key is answered 401 at once; a request with no
 * key goes on unauthenticated and is refused by the authorization rules where a role is needed.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private final ApiKeyStore keys;
    private final JsonErrorWriter errors;

    ApiKeyAuthenticationFilter(ApiKeyStore keys, JsonErrorWriter errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isPresent()) {
            Optional<Caller> caller = keys.authenticate(presented.get());
            if (caller.isEmpty()) {
                errors.unauthorized(request, response, "the API key is unknown, revoked or expired");
                return;
            }
            SecurityContextHolder.setContext(new SecurityContextImpl(new CallerAuthentication(caller.get())));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
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
