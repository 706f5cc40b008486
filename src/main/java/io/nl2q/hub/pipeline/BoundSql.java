package io.nl2q.hub.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text whose values travel beside it: each {@code ?} of {@code text} is bound, in order, to one of
 * {@code parameters} when the statement runs, so no value is ever pasted into SQL. The guard checks the text with
 * its placeholders. It reads as its text wherever SQL text is expected (a route variable, an audit row).
 */
public record BoundSql(String text, List<Object> parameters) implements CharSequence {
    public BoundSql {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public static BoundSql of(String text, Object... parameters) {
        return new BoundSql(text, List.of(parameters));
    }

    /** {@code sql} itself when it carries values, else its text with none (null stays null: the guard refuses it). */
    static BoundSql from(CharSequence sql) {
        return sql instanceof BoundSql bound ? bound : new BoundSql(sql == null ? null : sql.toString(), List.of());
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
