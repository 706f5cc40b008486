package io.nl2q.hub.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A categorized failure: the code decides the HTTP status, the phase says where it happened, the message is safe to
 * show to a client (it never carries a stack trace or driver internals).
 */
public class HubException extends RuntimeException {
    private final ErrorCode code;
    private final Phase phase;
    private final List<String> suggestions;

    public HubException(ErrorCode code, Phase phase, String message) {
        this(code, phase, message, List.of(), null);
    }

    public HubException(ErrorCode code, Phase phase, String message, Throwable cause) {
        this(code, phase, message, List.of(), cause);
    }

    public HubException(ErrorCode code, Phase phase, String message, List<String> suggestions, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.phase = phase;
        this.suggestions = List.copyOf(suggestions);
    }

    public ErrorCode code() {
        return code;
    }

    public Phase phase() {
        return phase;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    /** For RATE_LIMITED: how long the caller should wait before asking again (the Retry-After header). */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
