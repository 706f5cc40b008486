package io.nl2q.hub.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.api.max-concurrent-per-caller}: how many requests to the data paths one caller (an API key or a token's
 * user) may have in flight at once; one more is 429 RATE_LIMITED with {@code concurrency-retry-after} as Retry-After.
 * It keeps one caller's slow queries from holding every warehouse connection of their tenant.
 */
@ConfigurationProperties("hub.api")
public record CallerConcurrencyProperties(@DefaultValue("3") int maxConcurrentPerCaller,
                                          @DefaultValue("2s") Duration concurrencyRetryAfter) {
    public CallerConcurrencyProperties {
        if (maxConcurrentPerCaller < 1) {
            throw new IllegalArgumentException("hub.api.max-concurrent-per-caller must be at least 1");
        }
    }
}
