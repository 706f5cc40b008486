package io.nl2q.hub.pipeline;

import java.util.Objects;

/** A question as asked, trimmed; never blank and never longer than the configured limit. */
public record Question(String text) {
    public Question {
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("question is blank");
        }
    }
}
