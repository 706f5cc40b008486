package io.nl2q.hub.ops;

import java.util.List;
import java.util.Map;

/**
 * The dead-letter store as Hawtio shows it (JMX tab, {@code io.nl2q.hub:type=DeadLetters}): counts, the newest
 * entries with their causes, and a replay, next to the routes' own in-flight and failed exchange counters.
 */
public interface DeadLettersMXBean {
    /** Entries in the store, replayed or not. */
    int getCount();

    /** Entries by route id. */
    Map<String, Integer> getCountsByRoute();

    /** The newest entries first; {@code routeId} empty for every route. */
    List<DeadLetterView> list(String routeId, int limit);

    /** Sends an entry back into its flow; returns how it stands afterwards. */
    DeadLetterView replay(long id);

    /** One entry, in the open types JMX clients display (no payload: it can be large and hold PII). */
    final class DeadLetterView {
        private final DeadLetter letter;

        public DeadLetterView(DeadLetter letter) {
            this.letter = letter;
        }

        public long getId() {
            return letter.id();
        }

        public String getTenant() {
            return letter.tenantId();
        }

        public String getRouteId() {
            return letter.routeId();
        }

        public String getEndpoint() {
            return letter.endpoint();
        }

        public String getCauseType() {
            return letter.causeType();
        }

        public String getCauseMessage() {
            return letter.causeMessage();
        }

        public String getReplayUri() {
            return letter.replayUri();
        }

        public String getParkedAt() {
            return letter.createdAt().toString();
        }

        public String getReplayedAt() {
            return letter.replayedAt() == null ? null : letter.replayedAt().toString();
        }

        public int getReplayCount() {
            return letter.replayCount();
        }
    }
}
