package io.nl2q.hub.console;

import io.nl2q.hub.audit.AuditTrail;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.ApiKeyStore;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.ClientInfo;
import io.nl2q.hub.security.CorrelationIds;
import io.nl2q.hub.security.PlatformOperator;
import io.nl2q.hub.security.PlatformOperatorAuthentication;
import io.nl2q.hub.security.PlatformOperators;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import javax.security.auth.Subject;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is at the console: a platform operator by key (X-API-Key, or the password of HTTP Basic), by Keycloak token,
 * or by the session Hawtio's own login form opened ({@link HawtioLogin}). A tenant's key or token is refused with 403
 * whatever its roles, and the attempt goes into that tenant's audit trail; an unknown key is 401.
 */
final class ConsoleAuthenticationFilter extends OncePerRequestFilter {
    private final PlatformOperators platform;
    private final ApiKeyStore tenantKeys;
    private final AuditTrail audit;
    private final ConsoleErrors errors;

    ConsoleAuthenticationFilter(PlatformOperators platform, ApiKeyStore tenantKeys, AuditTrail audit,
                                ConsoleErrors errors) {
        this.platform = platform;
        this.tenantKeys = tenantKeys;
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PlatformOperator> operator;
        HttpServletRequest forward = request;
        Optional<String> key = presentedKey(request);
        String authorization = request.getHeader("Authorization");
        if (key.isPresent()) {
            operator = platform.byKey(key.get());
            if (operator.isEmpty()) {
                refuse(request, response, tenantKeys.authenticate(key.get()));
                return;
            }
            if (request.getHeader("Authorization") == null) {
                // Hawtio's own filter in front of Jolokia reads credentials from Basic only
                forward = new WithBasic(request, key.get());
            }
        } else if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            operator = platform.byToken(authorization.substring(7));
            if (operator.isEmpty()) {
                errors.write(request, response, ErrorCode.FORBIDDEN,
                        "the operator console is for platform operators; this token is not one's");
                return;
            }
        } else {
            operator = fromHawtioSession(request);
        }
        if (operator.isEmpty()) {
            chain.doFilter(forward, response);
            return;
        }
        SecurityContextHolder.setContext(new SecurityContextImpl(new PlatformOperatorAuthentication(operator.get())));
        try {
            chain.doFilter(forward, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Optional<Caller> tenant)
            throws IOException {
        if (tenant.isEmpty()) {
            errors.write(request, response, ErrorCode.UNAUTHORIZED, "the key is unknown, revoked or expired");
            return;
        }
        audit.securityEvent(tenant.get(), "FORBIDDEN", CorrelationIds.of(request),
                request.getMethod() + " " + request.getRequestURI() + " (operator console)", client(request));
        errors.write(request, response, ErrorCode.FORBIDDEN,
                "the operator console is for platform operators; tenant keys never reach it, whatever their roles");
    }

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /** The operator Hawtio's login form signed in, kept in Hawtio's session as the JAAS subject it logged in. */
    private static Optional<PlatformOperator> fromHawtioSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object subject = session == null ? null : session.getAttribute("subject");
        if (!(subject instanceof Subject s)) {
            return Optional.empty();
        }
        return s.getPrincipals(HawtioLogin.UserPrincipal.class).stream().findFirst()
                .map(p -> new PlatformOperator(p.subject()));
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? "" : decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    /** The request with its X-API-Key also presented as HTTP Basic, the form Hawtio's filter understands. */
    private static final class WithBasic extends HttpServletRequestWrapper {
        private final String basic;

        WithBasic(HttpServletRequest request, String key) {
            super(request);
            this.basic = "Basic " + Base64.getEncoder().encodeToString(("platform:" + key)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? basic : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Authorization".equalsIgnoreCase(name) ? Collections.enumeration(List.of(basic))
                    : super.getHeaders(name);
        }
    }
}
