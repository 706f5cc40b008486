package io.nl2q.hub.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be: {@code maxBodySize} for the API, the feed and the widget; {@code consoleMaxBodySize}
 * for Hawtio and Jolokia under /actuator, whose bulk reads (Hawtio's RBAC check lists every MBean) reach megabytes.
 */
@ConfigurationProperties("hub.api")
record BodyLimits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("8MB") DataSize consoleMaxBodySize) {
}
