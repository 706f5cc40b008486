package io.nl2q.hub.crm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The widget's own filter chain, ahead of the API chain: its pages and data are authorized by the signed link each
 * request carries (checked by {@link WidgetController}), and it may be framed only by the configured CRM origins.
 */
@Configuration
class WidgetSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain widget(HttpSecurity http, CrmProperties properties) throws Exception {
        String ancestors = String.join(" ", properties.widget().frameAncestors());
        return http.securityMatcher("/widget/**")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.frameOptions(f -> f.disable())
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; script-src 'self';"
                                + " style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none';"
                                + " form-action 'none'; frame-ancestors " + ancestors))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
