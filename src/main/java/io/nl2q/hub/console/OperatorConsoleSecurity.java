package io.nl2q.hub.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.audit.AuditTrail;
import io.nl2q.hub.audit.PlatformAudit;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.ApiKeyStore;
import io.nl2q.hub.security.PlatformOperatorAuthentication;
import io.nl2q.hub.security.PlatformOperators;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The operator console (Hawtio and Jolokia) has a chain of its own, before the API's: platform operators only,
 * same origin only, every Jolokia write and operation judged and audited. Hawtio's front end (its static files and
 * its login form) loads for anyone, because nothing in it comes from the JVM: every datum it shows is read through
 * Jolokia, which needs a platform operator; Hawtio's own filter in front of Jolokia checks them a second time
 * (through {@link HawtioLogin}), and Jolokia's policy a third.
 */
@Configuration
class OperatorConsoleSecurity {
    static final String[] CONSOLE = {"/actuator/hawtio", "/actuator/hawtio/**", "/actuator/jolokia",
        "/actuator/jolokia/**"};
    static final String[] JVM = {"/actuator/jolokia", "/actuator/jolokia/**", "/actuator/hawtio/jolokia",
        "/actuator/hawtio/jolokia/**", "/actuator/hawtio/proxy/**"};

    @Bean
    @Order(1)
    SecurityFilterChain operatorConsole(HttpSecurity http, PlatformOperators platform, ApiKeyStore tenantKeys,
                                        AuditTrail audit, PlatformAudit platformAudit, JolokiaPolicy policy,
                                        ObjectMapper json) throws Exception {
        ConsoleErrors errors = new ConsoleErrors(json);
        SameOriginFilter sameOrigin = new SameOriginFilter(errors);
        ConsoleAuthenticationFilter authentication = new ConsoleAuthenticationFilter(platform, tenantKeys, audit,
                errors);
        http
                // path patterns, not MVC matchers: Jolokia and Hawtio are servlets of their own, not controllers
                .securityMatcher(paths(CONSOLE))
                // CSRF: the same-origin filter (Hawtio sends no token); CORS: none, the console is same-origin only
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // Spring keeps no security context; the session is Hawtio's login (which starts a new session on
                // each sign-in), read by the authentication filter. Spring must not rotate its id on every request
                // it sees authenticated: requests of the console page in flight would carry the old id and fail.
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(sameOrigin, BasicAuthenticationFilter.class)
                .addFilterAfter(authentication, SameOriginFilter.class)
                .addFilterAfter(new JolokiaAuditFilter(policy, platformAudit, errors),
                        ConsoleAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
                                ErrorCode.UNAUTHORIZED, "the console needs a platform operator's key or token"))
                        .accessDeniedHandler((request, response, ex) -> errors.write(request, response,
                                ErrorCode.FORBIDDEN, "the operator console is for platform operators")))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(paths(JVM)).hasAuthority(PlatformOperatorAuthentication.AUTHORITY)
                        .anyRequest().permitAll())
                .headers(h -> {
                    h.contentTypeOptions(c -> { });
                    h.frameOptions(f -> f.sameOrigin());
                    h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
                });
        return http.build();
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }
}
