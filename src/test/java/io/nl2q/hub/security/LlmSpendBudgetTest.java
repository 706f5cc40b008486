package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.TenantRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LlmSpendBudgetTest {
    static final Caller ACME = new Caller(new TenantRef("acme", "acme"), "user:a", Set.of(Role.VIEWER));
    static final Caller GLOBEX = new Caller(new TenantRef("globex", "globex"), "user:g", Set.of(Role.VIEWER));

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T23:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesATenantOverItsDailyBudgetUntilTheNextUtcDay() {
        MovableClock clock = new MovableClock();
        LlmSpendBudget budget = new LlmSpendBudget(new BigDecimal("1.00"), clock);
        budget.charge(ACME, new BigDecimal("0.60"));
        assertThatCode(() -> budget.ensureWithin(ACME)).doesNotThrowAnyException();
        budget.charge(ACME, new BigDecimal("0.40"));
        assertThatThrownBy(() -> budget.ensureWithin(ACME)).isInstanceOfSatisfying(HubException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
        assertThatCode(() -> budget.ensureWithin(GLOBEX)).doesNotThrowAnyException();
        clock.now = Instant.parse("2025-03-02T00:00:01Z");
        assertThatCode(() -> budget.ensureWithin(ACME)).doesNotThrowAnyException();
    }
}
