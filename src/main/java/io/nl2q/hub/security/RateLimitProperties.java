package io.nl2q.hub.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.security.rate-limits}: token buckets per tenant and per caller (an API key or a token's user). A bucket
 * holds {@code capacity} requests and refills them evenly over {@code period}. {@code tenants.<id>} overrides either
 * limit for one tenant.
 */
@ConfigurationProperties("hub.security.rate-limits")
public record RateLimitProperties(Boolean enabled, Limit tenant, Limit key, Map<String, TenantLimits> tenants) {
    public RateLimitProperties {
        enabled = enabled == null || enabled;
        tenant = tenant == null ? new Limit(1200, Duration.ofMinutes(1)) : tenant;
        key = key == null ? new Limit(600, Duration.ofMinutes(1)) : key;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    Limit tenantLimit(String tenantId) {
        TenantLimits own = tenants.get(tenantId);
        return own != null && own.tenant() != null ? own.tenant() : tenant;
    }

    Limit keyLimit(String tenantId) {
        TenantLimits own = tenants.get(tenantId);
        return own != null && own.key() != null ? own.key() : key;
    }

    /** {@code capacity} requests per {@code period}. */
    public record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
            }
        }
    }

    /** One tenant's own limits; either may be left out. */
    public record TenantLimits(Limit tenant, Limit key) {
    }
}
