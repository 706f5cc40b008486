package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The wall clock of the Power BI deliveries, whose waits end as soon as the hub starts to stop: a push or refresh
 * waiting out a Retry-After then saves where it is and returns, so the shutdown does not wait for it. Told first,
 * before Camel's graceful shutdown starts waiting for in-flight exchanges.
 */
@Component
class StoppableClock implements PushClock, ApplicationListener<ContextClosedEvent>, Ordered {
    private final Object lock = new Object();
    private final org.springframework.context.ApplicationContext context;
    private volatile boolean stopping;

    StoppableClock(org.springframework.context.ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            while (!stopping) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        throw new Stopping();
    }

    /** Ends every wait now and every later one at once. */
    void stop() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
    }

    boolean stopping() {
        return stopping;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) { // not a child context closing
            stop();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
