package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps every dataset within Power BI's push limits: row POSTs per minute, rows per hour (both sliding windows) and
 * requests pending at once. {@link #reserve} counts a POST when it fits and otherwise says when it will, so the caller
 * decides whether to wait or to come back later. The POSTs of the last hour are kept in a {@link Ledger} (the
 * app-state database in the hub): a limiter started after a restart knows what its predecessor sent, and a
 * {@link Ledger#shared shared} ledger is read again before each POST, so every replica counts what the others sent
 * and N replicas stay within the limits once (the pending-request slots stay per replica). Thread-safe per dataset.
 */
final class PushLimiter {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private final int postsPerMinute;
    private final int rowsPerHour;
    private final int maxPending;
    private final PushClock clock;
    private final Ledger ledger;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Where the POSTs of the last hour are kept across restarts. */
    interface Ledger {
        /** The POSTs to the dataset after {@code from}: when, and how many rows. */
        List<Map.Entry<Instant, Integer>> since(String datasetId, Instant from);

        void record(String datasetId, Instant at, int rows);

        /** True when other replicas record into this ledger too: the windows are then read from it each time. */
        default boolean shared() {
            return false;
        }

        /** Nothing kept: a new limiter starts with empty windows. */
        Ledger NONE = new Ledger() {
            @Override
            public List<Map.Entry<Instant, Integer>> since(String datasetId, Instant from) {
                return List.of();
            }

            @Override
            public void record(String datasetId, Instant at, int rows) {
            }
        };
    }

    PushLimiter(int postsPerMinute, int rowsPerHour, int maxPending, PushClock clock) {
        this(postsPerMinute, rowsPerHour, maxPending, clock, Ledger.NONE);
    }

    PushLimiter(int postsPerMinute, int rowsPerHour, int maxPending, PushClock clock, Ledger ledger) {
        this.postsPerMinute = postsPerMinute;
        this.rowsPerHour = rowsPerHour;
        this.maxPending = maxPending;
        this.clock = clock;
        this.ledger = ledger;
    }

    private final class Window {
        final Deque<Instant> posts = new ArrayDeque<>();
        final Deque<Map.Entry<Instant, Integer>> rows = new ArrayDeque<>();
        final Semaphore pending = new Semaphore(maxPending, true);
        long rowsInHour;

        Window(String datasetId) {
            if (!ledger.shared()) { // a shared ledger is read at each reserve, so reading it here too is wasted
                load(datasetId, clock.now());
            }
        }

        void load(String datasetId, Instant now) {
            posts.clear();
            rows.clear();
            rowsInHour = 0;
            for (Map.Entry<Instant, Integer> post : ledger.since(datasetId, now.minus(HOUR))) {
                rows.addLast(post);
                rowsInHour += post.getValue();
                if (post.getKey().plus(MINUTE).isAfter(now)) {
                    posts.addLast(post.getKey());
                }
            }
        }
    }

    /**
     * Counts a POST of {@code rows} rows to the dataset if the limits allow it now (empty), or returns when they will
     * (nothing counted).
     */
    Optional<Instant> reserve(String datasetId, int rows) {
        if (rows > rowsPerHour) {
            throw new IllegalArgumentException("a batch of " + rows + " rows exceeds the hourly limit");
        }
        Window w = windows.computeIfAbsent(datasetId, Window::new);
        synchronized (w) {
            Instant now = clock.now();
            if (ledger.shared()) {
                w.load(datasetId, now);
            }
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
            if (until.isAfter(now)) {
                return Optional.of(until);
            }
            w.posts.addLast(now);
            w.rows.addLast(Map.entry(now, rows));
            w.rowsInHour += rows;
            ledger.record(datasetId, now, rows);
            return Optional.empty();
        }
    }

    /** Waits for one of the dataset's pending-request slots; pair with {@link #release}. */
    void pending(String datasetId) throws InterruptedException {
        windows.computeIfAbsent(datasetId, Window::new).pending.acquire();
    }

    void release(String datasetId) {
        Window w = windows.get(datasetId);
        if (w != null) {
            w.pending.release();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
