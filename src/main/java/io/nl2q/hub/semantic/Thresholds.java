package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A number compared with ("more than 40", "over 2,000", "at least 5", "fewer than 3", "10 or more") is a threshold
 * on each member's measure, never a number of rows: read as a row limit it answers a count with a list.
 */
final class Thresholds {
    private static final Set<String> BEFORE = Set.of("than", "over", "above", "under", "below", "exceeding",
            "exceeded", "topped", "beyond", "past", "greater", "least", "at least", "at most", "upwards of", ">", "<",
            ">=", "<=");
    private static final Set<String> OR = Set.of("or", "and");

    private Thresholds() {
    }

    /**
     * Reads the number at {@code i} when it is compared with: "at least one" names the activity only (its measure word
     * is marked in {@code skip} and the reading noted), true; any other threshold is refused. False for other numbers.
     */
    static boolean read(List<Term> terms, int i, boolean[] skip, List<String> readings) {
        if (!compares(terms, i)) {
            return false;
        }
        if (!atLeastOne(terms, i)) {
            throw refusal(terms.get(i).number());
        }
        countedMeasure(terms, i).ifPresent(j -> skip[j] = true);
        readings.add("\"at least one\" as any activity at all");
        return true;
    }

    /** Of a compared number: "at least one", "1 or more" is no more than the activity (every writer wrote one). */
    private static boolean atLeastOne(List<Term> terms, int i) {
        return Integer.valueOf(1).equals(terms.get(i).number())
                && (i > 0 && terms.get(i - 1).words().endsWith("least")
                || i + 2 < terms.size() && terms.get(i + 2).is(Keyword.MOST));
    }

    /** The measure word counted by "at least one" ("at least one IBSA script"), which names the activity only. */
    static Optional<Integer> countedMeasure(List<Term> terms, int i) {
        for (int j = i + 1; j < Math.min(terms.size(), i + 4); j++) {
            if (terms.get(j).is(Meaning.Type.METRIC)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    static Unanswerable refusal(int number) {
        return new Unanswerable("I read " + number + " as a threshold on each member's total; counting or listing the"
                + " members past a threshold is not something I compute yet, and I will not read the number as a count"
                + " of rows. Ask for the ranking or the breakdown instead.");
    }

    /** Whether the number at {@code i} is compared with rather than counted. */
    static boolean compares(List<Term> terms, int i) {
        if (i > 0) {
            String before = terms.get(i - 1).words();
            if (BEFORE.contains(before) || before.endsWith(" than") || before.startsWith("at ")) {
                return true;
            }
        }
        return i + 2 < terms.size() && OR.contains(terms.get(i + 1).words())
                && (terms.get(i + 2).is(Keyword.MOST) || terms.get(i + 2).is(Keyword.LEAST)
                || terms.get(i + 2).words().equals("fewer") || terms.get(i + 2).words().equals("less"));
    }
}
