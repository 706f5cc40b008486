package io.nl2q.hub.retrieval;

import java.util.Objects;

/** A text to find by meaning: its kind ({@code model}, {@code verified}), its id within the kind, and the text. */
public record IndexedText(String kind, String id, String text) {
    public IndexedText {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    String key() {
        return kind + ":" + id;
    }
}
