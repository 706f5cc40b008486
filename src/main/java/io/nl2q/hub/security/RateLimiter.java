package io.nl2q.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Token buckets (bucket4j) per tenant and per caller, in this replica's memory: with N replicas behind a balancer a
 * tenant gets at most N times its limit. Idle buckets are dropped after a day, so the map stays bounded.
 */
@Component
class RateLimiter {
    private final RateLimitProperties limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofDays(1)).maximumSize(100_000).build();

    RateLimiter(RateLimitProperties limits) {
        this.limits = limits;
    }

    /** What a refusal tells the client: which limit and when to retry. */
    record Refusal(String limit, Duration retryAfter) {
    }

    /** Takes one request from the caller's and the tenant's buckets, or says how long to wait. */
    Optional<Refusal> tryAcquire(Caller caller) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        String tenant = caller.tenant().id();
        Bucket key = bucket("key|" + tenant + "|" + caller.subject(), limits.keyLimit(tenant));
        ConsumptionProbe byKey = key.tryConsumeAndReturnRemaining(1);
        if (!byKey.isConsumed()) {
            return Optional.of(new Refusal("caller", Duration.ofNanos(byKey.getNanosToWaitForRefill())));
        }
        ConsumptionProbe byTenant = bucket("tenant|" + tenant, limits.tenantLimit(tenant))
                .tryConsumeAndReturnRemaining(1);
        if (!byTenant.isConsumed()) {
            key.addTokens(1); // the caller did not get through, so its own budget is not spent
            return Optional.of(new Refusal("tenant", Duration.ofNanos(byTenant.getNanosToWaitForRefill())));
        }
        return Optional.empty();
    }

    private Bucket bucket(String id, RateLimitProperties.Limit limit) {
        return buckets.get(id, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period()).build()).build());
    }
}
