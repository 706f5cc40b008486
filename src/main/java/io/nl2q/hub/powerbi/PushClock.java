package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.time.Instant;

/** Time for the rate limits and retries, so tests and benchmarks can wait without sleeping. */
public interface PushClock {
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    PushClock SYSTEM = new PushClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        }
    };
}
