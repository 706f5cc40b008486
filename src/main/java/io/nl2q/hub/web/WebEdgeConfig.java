package io.nl2q.hub.web;

import io.nl2q.hub.security.JsonErrorWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The path check and the body check run first, before the security filters or any servlet read the request. */
@Configuration
class WebEdgeConfig {

    @Bean
    FilterRegistrationBean<PlainPathFilter> plainPathFilter(
            @Value("${management.endpoint.camelroutes.read-only:true}") boolean routesReadOnly, JsonErrorWriter errors) {
        FilterRegistrationBean<PlainPathFilter> registration =
                new FilterRegistrationBean<>(new PlainPathFilter(routesReadOnly, errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(BodyLimits limits, JsonErrorWriter errors) {
        FilterRegistrationBean<RequestBodyFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyFilter(limits, errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
