package io.nl2q.hub.ops;

import java.time.Instant;
import java.util.Map;

/**
 * A delivery that failed after its retries: where it failed, why, and what it carried.
 *
 * @param replayUri where a replay sends the payload again; null when the flow cannot be replayed from here
 */
public record DeadLetter(long id, String tenantId, String routeId, String endpoint, String causeType,
                         String causeMessage, String replayUri, Map<String, String> headers, String payload,
                         Instant createdAt, Instant replayedAt, int replayCount) {
    public DeadLetter {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
