package io.nl2q.hub.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Stateless: every request carries its key or token, so there is no session and no CSRF surface
 * (Jolokia's POSTs from Hawtio work because of that). Role checks per endpoint; everything else needs a caller.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyStore keys, JsonErrorWriter errors) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, errors), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(a -> a
                        // Camel answers on an async dispatch of a request already authorized on its way in
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/ops/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/sql").hasRole(Role.ANALYST.name())
                        .requestMatchers("/api/v1/query").hasAnyRole(Role.VIEWER.name(), Role.INTEGRATION.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .headers(h -> h.contentTypeOptions(c -> { }).frameOptions(f -> f.sameOrigin()))
                .build();
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
