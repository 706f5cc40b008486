package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.time.Instant;

/** Time for the rate limits and retries, so tests and benchmarks can wait without sleeping. */
public interface PushClock {
    Instant now();

    /** Waits; throws {@link Stopping} when the hub stops meanwhile (the work resumes from its saved state). */
    void sleep(Duration duration) throws InterruptedException;

    /** The hub is stopping: a wait ended early, and the work it belonged to is saved to resume. */
    final class Stopping extends InterruptedException {
        public Stopping() {
            super("the hub is stopping");
        }
    }

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
