package io.nl2q.hub.semantic;

import java.util.List;

/**
 * One recognised piece of a question over tokens [start, end): model or keyword meanings, a number, or a time
 * expression; {@code singular} when the words were not plural ("which region" asks for one).
 */
record Term(int start, int end, String words, List<Meaning> meanings, Integer number, TimeParser.Span time,
            boolean singular) {

    Term {
        meanings = List.copyOf(meanings);
    }

    Meaning meaning() {
        return meanings.isEmpty() ? null : meanings.get(0);
    }

    boolean is(Meaning.Type type) {
        return meaning() != null && meaning().type() == type;
    }

    boolean is(Keyword k) {
        return meaning() != null && meaning().is(k);
    }

    boolean isStop() {
        return is(Keyword.STOP);
    }
}
