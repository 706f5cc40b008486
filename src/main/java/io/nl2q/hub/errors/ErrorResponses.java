package io.nl2q.hub.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns any failure into the public error contract. Categorized failures keep their code and message; anything
 * else is logged with its correlation id and shown to the client only as INTERNAL, so no internals leak.
 */
@Component("errorResponses")
public class ErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    public ApiError render(Throwable failure, String correlationId) {
        HubException categorized = find(failure, HubException.class);
        if (categorized != null) {
            if (categorized.code().httpStatus() >= 500) {
                log.warn("{} {} [{}]: {}", categorized.code(), categorized.phase().label(), correlationId,
                        categorized.getMessage(), categorized.getCause());
            }
            Long retryAfter = categorized.retryAfter().map(d -> Math.max(1, (d.toMillis() + 999) / 1000))
                    .orElse(null);
            return ApiError.of(categorized.code(), categorized.phase(), categorized.getMessage(), correlationId,
                    categorized.suggestions(), retryAfter);
        }
        if (find(failure, JsonProcessingException.class) != null) {
            return ApiError.of(ErrorCode.BAD_REQUEST, Phase.REQUEST, "the request body is not valid JSON",
                    correlationId, null);
        }
        log.error("unexpected failure [{}]", correlationId, failure);
        return ApiError.of(ErrorCode.INTERNAL, Phase.REQUEST,
                "internal error; quote the correlation id to your administrator", correlationId, null);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
