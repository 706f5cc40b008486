package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenantDirectory;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. Stateless: every request carries its API key or bearer token, so there is no session and no
 * CSRF surface (Hawtio and Jolokia, which keep a session, have a chain of their own: console/OperatorConsoleSecurity).
 * Each endpoint names the roles it needs (admin includes analyst includes viewer, see {@link Role#includes()});
 * anything else needs a caller.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyStore keys, JsonErrorWriter errors, RateLimiter limiter,
                            SecurityEvents events, ObjectProvider<JwtDecoder> jwt, OidcProperties oidc,
                            TenantDirectory tenants, WebSecurityProperties web, PlatformOperators platform,
                            CallerConcurrencyProperties concurrency) throws Exception {
        TooManyRequests refusals = new TooManyRequests(errors, events);
        http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .cors(c -> c.configurationSource(cors(web)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, platform, errors),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new CallerContextFilter(limiter, refusals), BasicAuthenticationFilter.class)
                .addFilterAfter(new CallerConcurrencyFilter(concurrency, refusals), CallerContextFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(a -> a
                        // Camel answers on an async dispatch of a request already authorized on its way in
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // the JVM is the platform's: tenant operators never reach it (issue 11; Hawtio and Jolokia
                        // are OperatorConsoleSecurity's); each tenant's operators see their own dead letters
                        .requestMatchers("/actuator/**").hasAuthority(PlatformOperatorAuthentication.AUTHORITY)
                        .requestMatchers("/api/v1/ops/**")
                        .hasAnyAuthority(Role.OPERATOR.authority(), PlatformOperatorAuthentication.AUTHORITY)
                        .requestMatchers("/api/v1/sql").hasRole(Role.ANALYST.name())
                        .requestMatchers("/api/v1/query").hasAnyRole(Role.VIEWER.name(), Role.INTEGRATION.name())
                        // every other path that reads warehouse data: viewer+ (an operator-only key is refused)
                        .requestMatchers(DataPaths.READING).hasAnyRole(Role.VIEWER.name(), Role.INTEGRATION.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/audit/verify").hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.ADMIN.name())
                        // run-now and run lists of the CRM sync and Power BI deliveries (issue 17), per tenant
                        .requestMatchers("/api/v1/crm/sync/**", "/api/v1/powerbi/push/**", "/api/v1/powerbi/refresh/**")
                        .hasAnyRole(Role.OPERATOR.name(), Role.INTEGRATION.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .headers(h -> {
                    h.contentTypeOptions(c -> { });
                    h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
                    h.contentSecurityPolicy(c -> c.policyDirectives(web.contentSecurityPolicy()));
                    if (web.frameAncestors().isEmpty()) {
                        h.frameOptions(f -> f.sameOrigin());
                    } else {
                        h.frameOptions(f -> f.disable()); // CSP frame-ancestors names the CRM domains instead
                    }
                });
        if (oidc.enabled()) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(errors)
                    .jwt(j -> j.decoder(jwt.getObject())
                            .jwtAuthenticationConverter(new JwtCallers(oidc, tenants, platform))));
        }
        return http.build();
    }

    /**
     * Validates signature (keys from the JWKS endpoint, refetched on an unknown key id), issuer, audience, expiry
     * (required) and not-before.
     */
    @Bean
    @ConditionalOnProperty(name = "hub.security.oidc.enabled", havingValue = "true")
    JwtDecoder jwtDecoder(OidcProperties oidc) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.effectiveJwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator(oidc.clockSkew()));
        checks.add(new JwtIssuerValidator(oidc.issuerUri()));
        checks.add(token -> token.getExpiresAt() != null && token.getAudience() != null
                && token.getAudience().contains(oidc.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token has no expiry or is not meant for " + oidc.audience(), null)));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        return decoder;
    }

    private static CorsConfigurationSource cors(WebSecurityProperties web) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!web.cors().allowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(web.cors().allowedOrigins());
            api.setAllowedMethods(List.of("GET", "POST", "DELETE"));
            api.setAllowedHeaders(List.of("Authorization", "X-API-Key", "Content-Type", CorrelationIds.HEADER));
            api.setExposedHeaders(List.of(CorrelationIds.HEADER, "Retry-After"));
            api.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    /**
     * Camel's platform-http serves each request on this executor; wrapping it carries the authenticated caller from
     * the servlet thread into the route.
     */
    @Bean
    AsyncTaskExecutor platformHttpExecutor() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("http-route-");
        pool.setCorePoolSize(8);
        pool.setMaxPoolSize(32);
        pool.setQueueCapacity(200);
        pool.initialize();
        return new DelegatingSecurityContextAsyncTaskExecutor(pool);
    }
}
