package io.nl2q.hub.warehouse;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data ({@code hub.demo}).
 *
 * @param regenerate generate every demo tenant's DuckDB file again at start even when its generator version, scale
 *                   and seed match (default false: a matching file is reused)
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(boolean regenerate) {
}
