package io.nl2q.hub.crm;

/** Work for an org stops here: its daily API usage reached the governor's threshold. The next run resumes it. */
class ApiLimitPause extends RuntimeException {
    ApiLimitPause(String tenant, long used, long max) {
        super("CRM sync of tenant " + tenant + " paused: " + used + " of " + max + " daily API requests used");
    }
}
