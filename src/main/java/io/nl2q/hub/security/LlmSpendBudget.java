package io.nl2q.hub.security;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The daily LLM spend per tenant ({@code hub.security.llm-budget.daily-usd}), a hook for the LLM generator: it calls
 * {@link #ensureWithin} before a call and {@link #charge} after it. Counted per UTC day in this replica's memory.
 * (No LLM generator exists yet; until one does, nothing charges this budget.)
 */
@Component("llmSpendBudget")
public class LlmSpendBudget {
    private final BigDecimal dailyUsd;
    private final Clock clock;
    private final ConcurrentMap<String, BigDecimal> spent = new ConcurrentHashMap<>();

    @Autowired
    LlmSpendBudget(@Value("${hub.security.llm-budget.daily-usd:50}") BigDecimal dailyUsd) {
        this(dailyUsd, Clock.systemUTC());
    }

    LlmSpendBudget(BigDecimal dailyUsd, Clock clock) {
        this.dailyUsd = dailyUsd;
        this.clock = clock;
    }

    /** @throws HubException RATE_LIMITED when the tenant's spend today has reached the budget */
    public void ensureWithin(Caller caller) {
        if (spentToday(caller.tenant().id()).compareTo(dailyUsd) >= 0) {
            throw new HubException(ErrorCode.RATE_LIMITED, Phase.GENERATE, "the daily LLM budget of your tenant ("
                    + dailyUsd + " USD) is spent; it renews at 00:00 UTC");
        }
    }

    public void charge(Caller caller, BigDecimal usd) {
        spent.merge(key(caller.tenant().id()), usd, BigDecimal::add);
    }

    BigDecimal spentToday(String tenantId) {
        return spent.getOrDefault(key(tenantId), BigDecimal.ZERO);
    }

    private String key(String tenantId) {
        return tenantId + "|" + LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
