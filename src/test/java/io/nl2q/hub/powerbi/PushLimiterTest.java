package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The push limits, on a fake clock: no real waiting. */
class PushLimiterTest {

    /** Sends {@code n} POSTs of {@code rows} rows, each as soon as the limits allow, waiting on the fake clock. */
    private static void send(PushLimiter limiter, FakeClock clock, String dataset, int n, int rows) {
        for (int i = 0; i < n; i++) {
            Optional<Instant> at;
            while ((at = limiter.reserve(dataset, rows)).isPresent()) {
                clock.sleep(Duration.between(clock.now(), at.get()));
            }
        }
    }

    @Test
    void the121stPostInAMinuteWaitsForTheMinuteToPass() {
        FakeClock clock = new FakeClock();
        PushLimiter limiter = new PushLimiter(120, 1_000_000, 5, clock);
        send(limiter, clock, "ds", 120, 1);
        assertThat(clock.sleeps).isEmpty();
        assertThat(limiter.reserve("ds", 1)).contains(clock.now().plus(Duration.ofMinutes(1)));
        assertThat(limiter.reserve("other-dataset", 1)).isEmpty();
    }

    @Test
    void aMillionRowsPerHour() {
        FakeClock clock = new FakeClock();
        PushLimiter limiter = new PushLimiter(120, 1_000_000, 5, clock);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.reserve("ds", 10_000)).isEmpty();
            clock.sleep(Duration.ofSeconds(1)); // spread over 100 s, within the per-minute limit
        }
        // the first batch leaves the hour window at 09:00 + 1 h; we are at 09:01:40
        assertThat(limiter.reserve("ds", 10_000)).contains(Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void aRestartedLimiterKnowsWhatItsPredecessorSent() {
        // the windows lived in memory only: after a restart the hub sent eleven requests into Power BI's 429s
        FakeClock clock = new FakeClock();
        var ledger = new PushLimiter.Ledger() {
            final List<Map.Entry<Instant, Integer>> posts = new ArrayList<>();

            @Override
            public List<Map.Entry<Instant, Integer>> since(String datasetId, Instant from) {
                return posts.stream().filter(p -> p.getKey().isAfter(from)).toList();
            }

            @Override
            public void record(String datasetId, Instant at, int rows) {
                posts.add(Map.entry(at, rows));
            }
        };
        send(new PushLimiter(120, 1_000_000, 5, clock, ledger), clock, "ds", 120, 1);
        clock.sleep(Duration.ofSeconds(10));
        PushLimiter restarted = new PushLimiter(120, 1_000_000, 5, clock, ledger);
        assertThat(restarted.reserve("ds", 1)).contains(Instant.parse("2026-01-05T09:01:00Z"));
    }

    @Test
    void twoReplicasOnASharedLedgerStayWithinOneMinutesLimit() {
        // each replica kept its own windows: two replicas sent 240 POSTs a minute into Power BI's limit of 120
        FakeClock clock = new FakeClock();
        var ledger = new PushLimiter.Ledger() {
            final List<Map.Entry<Instant, Integer>> posts = new ArrayList<>();

            @Override
            public List<Map.Entry<Instant, Integer>> since(String datasetId, Instant from) {
                return posts.stream().filter(p -> p.getKey().isAfter(from)).toList();
            }

            @Override
            public void record(String datasetId, Instant at, int rows) {
                posts.add(Map.entry(at, rows));
            }

            @Override
            public boolean shared() {
                return true;
            }
        };
        PushLimiter one = new PushLimiter(120, 1_000_000, 5, clock, ledger);
        PushLimiter two = new PushLimiter(120, 1_000_000, 5, clock, ledger);
        assertThat(one.reserve("ds", 1)).isEmpty();
        assertThat(two.reserve("ds", 1)).isEmpty(); // both windows exist before the others' POSTs
        int accepted = 2;
        for (int i = 0; i < 200; i++) {
            if ((i % 2 == 0 ? one : two).reserve("ds", 1).isEmpty()) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(120);
        assertThat(one.reserve("ds", 1)).contains(clock.now().plus(Duration.ofMinutes(1)));
    }

    @Test
    void atMostFivePending() throws Exception {
        PushLimiter limiter = new PushLimiter(120, 1_000_000, 5, new FakeClock());
        for (int i = 0; i < 5; i++) {
            limiter.pending("ds");
        }
        Thread sixth = new Thread(() -> {
            try {
                limiter.pending("ds");
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
