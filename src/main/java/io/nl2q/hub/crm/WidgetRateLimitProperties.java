package io.nl2q.hub.crm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits of the HCP widget ({@code hub.crm.widget-rate-limit}): its pages and data answer to a signed link,
 * not an API key, so the key and tenant buckets do not cover them. Beyond either limit: 429 with Retry-After.
 *
 * @param perLink requests one signed link may make per {@code period}
 * @param perIp   requests one client address may make per {@code period}, over all links
 * @param period  the refill period of both buckets
 */
@ConfigurationProperties("hub.crm.widget-rate-limit")
record WidgetRateLimitProperties(@DefaultValue("60") int perLink, @DefaultValue("600") int perIp,
                                 @DefaultValue("1m") Duration period) {
}
