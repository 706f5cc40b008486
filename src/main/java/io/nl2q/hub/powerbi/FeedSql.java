package io.nl2q.hub.powerbi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of the feed's SQL with the values of its {@code ?} placeholders beside it, in order: a value from the URL
 * ($filter literals, a key, a page token) is bound when the statement runs, never pasted into its text.
 */
record FeedSql(String text, List<Object> values) {
    FeedSql {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** SQL text that carries no value. */
    static FeedSql text(String text) {
        return new FeedSql(text, List.of());
    }

    /** One placeholder bound to {@code value}. */
    static FeedSql value(Object value) {
        return new FeedSql("?", List.of(value));
    }

    /** The pieces in order: a String is SQL text, a FeedSql brings its text and its values. */
    static FeedSql concat(Object... pieces) {
        var text = new StringBuilder();
        var values = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof FeedSql sql) {
                text.append(sql.text());
                values.addAll(sql.values());
            } else {
                text.append((String) piece);
            }
        }
        return new FeedSql(text.toString(), values);
    }

    /** The parts with {@code separator} between them. */
    static FeedSql join(String separator, List<FeedSql> parts) {
        var pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                pieces.add(separator);
            }
            pieces.add(parts.get(i));
        }
        return concat(pieces.toArray());
    }
}
