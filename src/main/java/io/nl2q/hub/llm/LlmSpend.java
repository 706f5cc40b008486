package io.nl2q.hub.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each tenant spends on the language model today (UTC), in tokens and dollars, with the daily budget and the
 * provider's cool-downs. Counted in Micrometer per tenant: {@code hub.llm.tokens} (kind input/output),
 * {@code hub.llm.cost} (USD) and {@code hub.llm.requests} (outcome). The spend is summed in a {@link SpendLedger}
 * (the app-state database in the hub), so the budget holds across every replica; the provider's cool-downs are
 * learnt by each replica from its own 429s.
 */
class LlmSpend {
    private final LlmProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SpendLedger ledger;
    private final Map<String, Instant> coolDowns = new ConcurrentHashMap<>();

    LlmSpend(LlmProperties properties, MeterRegistry meters, Clock clock) {
        this(properties, meters, clock, SpendLedger.inMemory());
    }

    LlmSpend(LlmProperties properties, MeterRegistry meters, Clock clock, SpendLedger ledger) {
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** Refuses with 429 RATE_LIMITED while the provider asked to wait or the tenant's budget for today is spent. */
    void checkAllowed(String tenantId) {
        Instant now = clock.instant();
        Instant until = coolDowns.get(tenantId);
        if (until != null && now.isBefore(until)) {
            count(tenantId, "rate_limited");
            throw new RetryLater("the language model provider asked to wait; retry after "
                    + seconds(Duration.between(now, until)) + " s", Duration.between(now, until));
        }
        double spent = ledger.spent(tenantId, todayDate());
        if (spent >= properties.dailyBudgetUsd()) {
            count(tenantId, "over_budget");
            Duration toMidnight = Duration.between(now, LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1)
                    .atStartOfDay().toInstant(ZoneOffset.UTC));
            throw new RetryLater(String.format(java.util.Locale.ROOT,
                    "the language model budget of tenant %s for today (%.2f USD) is spent; retry after %d s",
                    tenantId, properties.dailyBudgetUsd(), seconds(toMidnight)), toMidnight);
        }
    }

    void record(String tenantId, long inputTokens, long outputTokens) {
        double usd = (inputTokens * properties.inputUsdPerMillion() + outputTokens * properties.outputUsdPerMillion())
                / 1_000_000d;
        ledger.add(tenantId, todayDate(), usd);
        Counter.builder("hub.llm.tokens").tag("tenant", tenantId).tag("kind", "input")
                .description("Prompt tokens sent to the language model").register(meters).increment(inputTokens);
        Counter.builder("hub.llm.tokens").tag("tenant", tenantId).tag("kind", "output")
                .description("Completion tokens received from the language model").register(meters)
                .increment(outputTokens);
        Counter.builder("hub.llm.cost").tag("tenant", tenantId).baseUnit("usd")
                .description("Estimated language model spend").register(meters).increment(usd);
    }

    /** The provider refused with 429: nobody of this tenant asks it again before {@code retryAfter}. */
    Duration coolDown(String tenantId, Duration retryAfter) {
        Duration wait = retryAfter == null ? Duration.ofSeconds(10) : retryAfter;
        coolDowns.put(tenantId, clock.instant().plus(wait));
        return wait;
    }

    void count(String tenantId, String outcome) {
        Counter.builder("hub.llm.requests").tag("tenant", tenantId).tag("outcome", outcome)
                .description("Language model requests by outcome").register(meters).increment();
    }

    double spentToday(String tenantId) {
        return ledger.spent(tenantId, todayDate());
    }

    private LocalDate todayDate() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** 429 RATE_LIMITED with the time after which asking again can succeed. */
    static final class RetryLater extends HubException {
        private final transient Duration retryAfter;

        RetryLater(String message, Duration retryAfter) {
            super(ErrorCode.RATE_LIMITED, Phase.GENERATE, message);
            this.retryAfter = retryAfter;
        }

        /** Seconds for a {@code Retry-After} header. */
        public long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        @Override
        public java.util.Optional<Duration> retryAfter() {
            return java.util.Optional.of(Duration.ofSeconds(retryAfterSeconds()));
        }
    }
}
