package io.nl2q.hub.powerbi;

import io.nl2q.hub.audit.AuditTrail;
import io.nl2q.hub.security.Callers;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the OData feed servlet beside Spring MVC; the security filter chain covers it like any other path. */
@Configuration
class ODataFeedConfig {
    static final String PATH = "/odata/v1";

    @Bean
    ServletRegistrationBean<ODataFeedServlet> odataFeed(Callers callers, FeedCatalog catalog, FeedQueries queries,
                                                       ODataProperties properties, AuditTrail auditTrail) {
        var registration = new ServletRegistrationBean<>(
                new ODataFeedServlet(callers, catalog, queries, properties, auditTrail), PATH + "/*");
        registration.setName("odata-feed");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
