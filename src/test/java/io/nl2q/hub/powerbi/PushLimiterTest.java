package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The push limits, on a fake clock: no real waiting. */
class PushLimiterTest {

    @Test
    void the121stPostInAMinuteWaitsForTheMinuteToPass() throws InterruptedException {
        FakeClock clock = new FakeClock();
        PushLimiter limiter = new PushLimiter(120, 1_000_000, 5, clock);
        for (int i = 0; i < 120; i++) {
            limiter.acquire("ds", 1);
            limiter.release("ds");
        }
        assertThat(clock.sleeps).isEmpty();
        limiter.acquire("ds", 1);
        assertThat(clock.sleeps).containsExactly(Duration.ofMinutes(1));
        limiter.acquire("other-dataset", 1);
        assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void aMillionRowsPerHour() throws InterruptedException {
        FakeClock clock = new FakeClock();
        PushLimiter limiter = new PushLimiter(120, 1_000_000, 5, clock);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("ds", 10_000);
            limiter.release("ds");
            clock.sleep(Duration.ofSeconds(1)); // spread over 100 s, within the per-minute limit
        }
        clock.sleeps.clear();
        limiter.acquire("ds", 10_000);
        // the first batch leaves the hour window at 09:00 + 1 h; we are at 09:01:40
        assertThat(clock.slept()).isEqualTo(Duration.ofMinutes(60).minusSeconds(100));
    }

    @Test
    void atMostFivePending() throws Exception {
        PushLimiter limiter = new PushLimiter(120, 1_000_000, 5, new FakeClock());
        for (int i = 0; i < 5; i++) {
            limiter.acquire("ds", 1);
        }
        Thread sixth = new Thread(() -> {
            try {
                limiter.acquire("ds", 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sixth.start();
        sixth.join(300);
        assertThat(sixth.isAlive()).as("the sixth request waits while five are pending").isTrue();
        limiter.release("ds");
        sixth.join(5000);
        assertThat(sixth.isAlive()).isFalse();
    }
}
