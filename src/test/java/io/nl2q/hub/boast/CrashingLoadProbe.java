package io.nl2q.hub.boast;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** The tests' load probe: the next loads it is told of fail after so many staged rows, as a crash mid-file would. */
@Component
@Primary
public class CrashingLoadProbe implements LoadProbe {
    private final AtomicInteger crashesToCome = new AtomicInteger();
    private volatile long crashAfterRows = -1;
    private final AtomicInteger crashes = new AtomicInteger();

    /** The next {@code loads} loads that stage {@code rows} rows fail there; returns the crashes so far. */
    public int simulateCrashes(int loads, long rows) {
        crashAfterRows = rows;
        crashesToCome.set(loads);
        return crashes.get();
    }

    /** The simulated crashes so far. */
    public int crashes() {
        return crashes.get();
    }

    @Override
    public void staged(String file, long rows) {
        if (rows == crashAfterRows && crashesToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            crashes.incrementAndGet();
            throw new IllegalStateException("simulated crash after " + rows + " rows");
        }
    }
}
