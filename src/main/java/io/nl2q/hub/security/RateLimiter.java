package io.nl2q.hub.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.nl2q.hub.cluster.SharedBuckets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Token buckets (bucket4j) per tenant and per caller, kept in the app-state database ({@link SharedBuckets}): every
 * replica behind the balancer takes from the same buckets, so N replicas still allow a tenant its limit once.
 */
@Component
class RateLimiter {
    private final RateLimitProperties limits;
    private final SharedBuckets buckets;

    RateLimiter(RateLimitProperties limits, SharedBuckets buckets) {
        this.limits = limits;
        this.buckets = buckets;
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
        return buckets.bucket("api|" + id, () -> BucketConfiguration.builder().addLimit(Bandwidth.builder()
                .capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build()).build());
    }
}
