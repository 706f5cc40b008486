package io.nl2q.hub.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Logging context and per-tenant request metrics of every HTTP request. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {
    @Bean
    ActiveUsers activeUsers(MeterRegistry registry) {
        return new ActiveUsers(registry, Clock.systemUTC(), Duration.ofMinutes(15));
    }

    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext(ActiveUsers activeUsers) {
        var registration = new FilterRegistrationBean<>(new RequestLogContext(activeUsers));
        // right after Spring Security's chain, so the caller is known
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    LogContextRoutePolicy logContextRoutePolicy() {
        return new LogContextRoutePolicy();
    }

    @Bean
    TenantTaggedRequests tenantTaggedRequests() {
        return new TenantTaggedRequests();
    }
}
