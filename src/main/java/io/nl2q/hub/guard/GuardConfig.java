package io.nl2q.hub.guard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One guard for the whole hub: it is stateless and thread-safe. */
@Configuration
class GuardConfig {
    @Bean
    SqlGuard sqlGuard() {
        return new SqlGuard();
    }
}
