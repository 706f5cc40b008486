package io.nl2q.hub.semantic;

import java.util.List;

/** The engine cannot answer exactly; the message says why, the suggestions what it could answer instead. */
final class Unanswerable extends RuntimeException {
    private final List<String> suggestions;

    Unanswerable(String message, List<String> suggestions) {
        super(message, null, false, false);
        this.suggestions = List.copyOf(suggestions);
    }

    Unanswerable(String message) {
        this(message, List.of());
    }

    List<String> suggestions() {
        return suggestions;
    }
}
