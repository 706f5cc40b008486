package io.nl2q.hub.app;

import io.nl2q.hub.security.OidcProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web app's files under /app/ are public (they hold no data: every datum comes from the API with the caller's
 * key or token). Their CSP allows scripts from this origin only, no inline script and no eval, and connections to
 * this origin and the OIDC provider's token endpoint.
 */
@Configuration
class AppSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain app(HttpSecurity http, OidcProperties oidc) throws Exception {
        return http.securityMatcher("/app", "/app/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy(oidc)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** Styles may be inline: the chart library positions its tooltip with style attributes. Scripts may not. */
    static String contentSecurityPolicy(OidcProperties oidc) {
        String provider = oidc.enabled() ? " " + origin(oidc.issuerUri()) : "";
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
                + " connect-src 'self'" + provider + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
