package io.nl2q.hub.guard;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * A time limit on one parse that runs on the caller's thread. JSqlParser's own limit hands every parse to a pool
 * thread and waits for it, which costs two thread switches per statement and, on busy cores, a wait for each to be
 * scheduled again; here the caller parses and one watchdog thread, waking every {@link #TICK_MS}, raises the parser's
 * {@code interrupted} flag once the deadline has passed, which makes JSqlParser give up. A parse that ran past its
 * deadline is refused whatever it returned, as JSqlParser refuses a parse that outlived its timeout.
 * Registering costs a set insertion: the watchdog is never woken by a parse.
 */
final class ParseDeadline implements AutoCloseable {
    static final long TICK_MS = 50;
    private static final Set<ParseDeadline> ACTIVE = ConcurrentHashMap.newKeySet();

    private final long deadlineNanos;
    private volatile CCJSqlParser parser;
    private volatile boolean expired;

    private ParseDeadline(long timeoutMs) {
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }

    /** Starts the clock; close it when the parse is over. */
    static ParseDeadline start(long timeoutMs) {
        Watchdog.ensureRunning();
        ParseDeadline deadline = new ParseDeadline(timeoutMs);
        ACTIVE.add(deadline);
        return deadline;
    }

    /** Puts {@code next} under this deadline (JSqlParser may retry with a second parser); it gives up at once if past. */
    CCJSqlParser watch(CCJSqlParser next) {
        parser = next;
        if (expired) {
            next.interrupted = true;
        }
        return next;
    }

    /** Whether the deadline passed before {@link #close}. */
    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        ACTIVE.remove(this);
    }

    private void expireIfDue(long now) {
        if (now - deadlineNanos >= 0) {
            expired = true;
            CCJSqlParser current = parser;
            if (current != null) {
                current.interrupted = true;
            }
        }
    }

    private static final class Watchdog {
        private static final Thread THREAD = start();

        static void ensureRunning() {
            if (!THREAD.isAlive()) {
                throw new SqlRejectedException("the statement cannot be parsed right now");
            }
        }

        private static Thread start() {
            Thread thread = new Thread(Watchdog::run, "sql-guard-parse-deadline");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private static void run() {
            while (true) {
                try {
                    Thread.sleep(TICK_MS);
                } catch (InterruptedException e) {
                    // nobody interrupts the watchdog on purpose; keep guarding the parses in flight
                }
                long now = System.nanoTime();
                ACTIVE.forEach(deadline -> deadline.expireIfDue(now));
            }
        }
    }
}
