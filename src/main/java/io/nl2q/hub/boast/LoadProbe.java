package io.nl2q.hub.boast;

import org.springframework.stereotype.Component;

/**
 * Watches a load row by row as the loader stages it. Production has the quiet one; tests put in one that fails a
 * load mid-file, as a crash would, to check that such a load leaves nothing behind.
 */
public interface LoadProbe {
    /** Called after each row of {@code file} is staged; {@code rows} is how many are staged so far. */
    void staged(String file, long rows);

    /** The probe of production: it watches nothing. */
    @Component
    class Quiet implements LoadProbe {
        @Override
        public void staged(String file, long rows) {
        }
    }
}
