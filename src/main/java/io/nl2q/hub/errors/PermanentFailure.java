package io.nl2q.hub.errors;

/**
 * A failure that trying again cannot change (an export over its row cap, say): the delivery route configuration
 * parks it in the dead-letter store at once instead of retrying it with backoff.
 */
public class PermanentFailure extends HubException {
    public PermanentFailure(ErrorCode code, Phase phase, String message) {
        super(code, phase, message);
    }
}
