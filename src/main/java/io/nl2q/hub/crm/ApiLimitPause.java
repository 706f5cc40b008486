package io.nl2q.hub.crm;

import java.time.Instant;

/**
 * Work for an org stops here: its daily API usage reached the governor's threshold. The limits resource is read again
 * from {@code recheckAt}; the first run after that finds out whether the rolling usage went down and resumes.
 */
class ApiLimitPause extends RuntimeException {
    private final Instant recheckAt;

    ApiLimitPause(String tenant, long used, long max, Instant recheckAt) {
        super("CRM sync of tenant " + tenant + " paused: " + used + " of " + max + " daily API requests used;"
                + " limits read again from " + recheckAt);
        this.recheckAt = recheckAt;
    }

    Instant recheckAt() {
        return recheckAt;
    }
}
