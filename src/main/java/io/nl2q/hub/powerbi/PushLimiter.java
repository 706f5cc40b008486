package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps every dataset within Power BI's push limits: row POSTs per minute, rows per hour (both sliding windows) and
 * requests pending at once. {@link #acquire} waits (on the injected clock) until a POST of {@code rows} fits.
 * Thread-safe per dataset.
 */
final class PushLimiter {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private final int postsPerMinute;
    private final int rowsPerHour;
    private final int maxPending;
    private final PushClock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Duration waited = Duration.ZERO;

    PushLimiter(int postsPerMinute, int rowsPerHour, int maxPending, PushClock clock) {
        this.postsPerMinute = postsPerMinute;
        this.rowsPerHour = rowsPerHour;
        this.maxPending = maxPending;
        this.clock = clock;
    }

    private final class Window {
        final Deque<Instant> posts = new ArrayDeque<>();
        final Deque<Map.Entry<Instant, Integer>> rows = new ArrayDeque<>();
        final Semaphore pending = new Semaphore(maxPending, true);
        long rowsInHour;
    }

    /** Blocks until a POST of {@code rows} rows to the dataset is allowed, and counts it; pair with {@link #release}. */
    void acquire(String datasetId, int rows) throws InterruptedException {
        if (rows > rowsPerHour) {
            throw new IllegalArgumentException("a batch of " + rows + " rows exceeds the hourly limit");
        }
        Window w = windows.computeIfAbsent(datasetId, k -> new Window());
        w.pending.acquire();
        synchronized (w) {
            while (true) {
                Instant now = clock.now();
                while (!w.posts.isEmpty() && !w.posts.peekFirst().plus(MINUTE).isAfter(now)) {
                    w.posts.removeFirst();
                }
                while (!w.rows.isEmpty() && !w.rows.peekFirst().getKey().plus(HOUR).isAfter(now)) {
                    w.rowsInHour -= w.rows.removeFirst().getValue();
                }
                Instant until = now;
                if (w.posts.size() >= postsPerMinute) {
                    until = max(until, w.posts.peekFirst().plus(MINUTE));
                }
                if (w.rowsInHour + rows > rowsPerHour) {
                    long excess = w.rowsInHour + rows - rowsPerHour;
                    for (Map.Entry<Instant, Integer> e : w.rows) {
                        until = max(until, e.getKey().plus(HOUR));
                        excess -= e.getValue();
                        if (excess <= 0) {
                            break;
                        }
                    }
                }
                if (!until.isAfter(now)) {
                    w.posts.addLast(now);
                    w.rows.addLast(Map.entry(now, rows));
                    w.rowsInHour += rows;
                    return;
                }
                Duration wait = Duration.between(now, until);
                waited = waited.plus(wait);
                clock.sleep(wait);
            }
        }
    }

    void release(String datasetId) {
        Window w = windows.get(datasetId);
        if (w != null) {
            w.pending.release();
        }
    }

    /** The time spent waiting for the limits so far (for the push outcome and the benchmark). */
    Duration waited() {
        return waited;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
