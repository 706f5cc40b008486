package io.nl2q.hub.query;

import io.nl2q.hub.pipeline.Question;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A question reduced to what decides its meaning for exact matching: lower case, whitespace collapsed, trailing
 * punctuation stripped. The answer cache and the verified queries both key on it.
 */
public record NormalizedQuestion(String text) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}\\s]+$");

    public NormalizedQuestion {
        Objects.requireNonNull(text, "text");
    }

    public static NormalizedQuestion of(String question) {
        String lower = SPACES.matcher(question.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
        return new NormalizedQuestion(TRAILING_PUNCTUATION.matcher(lower).replaceAll(""));
    }

    public static NormalizedQuestion of(Question question) {
        return of(question.text());
    }
}
