package io.nl2q.hub.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The answer cache ({@code hub.query.cache}).
 *
 * @param enabled false: every question is generated and executed
 * @param ttl     an answer is served from the cache at most this long after it was computed
 * @param maxSize answers kept at most, over all tenants (least recently used go first)
 */
@ConfigurationProperties("hub.query.cache")
public record AnswerCacheProperties(Boolean enabled, Duration ttl, Long maxSize) {
    public AnswerCacheProperties {
        enabled = enabled == null || enabled;
        ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
        maxSize = maxSize == null ? 10_000L : maxSize;
    }
}
