package io.nl2q.hub.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An error as a client sees it: {@code {"error": {"code", "message", "phase", "correlationId", "suggestions"?}}},
 * with the HTTP status it is sent with. Never a stack trace.
 */
public record ApiError(int status, Map<String, Body> payload, Long retryAfterSeconds) {

    public static ApiError of(ErrorCode code, Phase phase, String message, String correlationId,
                              List<String> suggestions) {
        return of(code, phase, message, correlationId, suggestions, null);
    }

    /** {@code retryAfterSeconds}: sent as the Retry-After header with a 429; null for other errors. */
    public static ApiError of(ErrorCode code, Phase phase, String message, String correlationId,
                              List<String> suggestions, Long retryAfterSeconds) {
        List<String> shown = suggestions == null || suggestions.isEmpty() ? null : List.copyOf(suggestions);
        return new ApiError(code.httpStatus(),
                Map.of("error", new Body(code.name(), message, phase.label(), correlationId, shown)),
                retryAfterSeconds);
    }

    /** The object under {@code "error"}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, String phase, String correlationId, List<String> suggestions) {
    }
}
