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
            "exceeded", "topped", "beyond", "past", "greater", "least", "at least", "at most", "upwards of", "exceed", "exceeds",
            "surpassed", "in excess of", ">", "<",
            ">=", "<=");
    private static final Set<String> OR = Set.of("or", "and");

    private Thresholds() {
    }

    /**
     * Reads the number at {@code i} when it is compared with: "at least one" names the activity only (its measure word
     * is marked in {@code skip} and the reading noted), true; any other threshold is refused. False for other numbers.
     */
    static boolean read(List<Term> terms, int i, boolean[] skip, Mentions m) {
        if (!compares(terms, i)) {
            return false;
        }
        if (!atLeastOne(terms, i)) {
            if (m.threshold != null) {
                throw new Unanswerable("I read two thresholds (" + m.threshold.describe() + " and "
                        + terms.get(i).number() + "); I apply one at a time.");
            }
            m.threshold = new Intent.Threshold(op(terms, i), terms.get(i).number(), false);
            m.readings.add(terms.get(i).number() + " as a threshold on each member's total ("
                    + m.threshold.describe() + ")");
            return true;
        }
        countedMeasure(terms, i).ifPresent(j -> {
            skip[j] = true;
            m.activityAt.add(j); // "who got at least one Flector call": the members had the activity
        });
        m.readings.add("\"at least one\" as any activity at all");
        return true;
    }

    /** The comparison a threshold word makes: "over 40" >, "at least 5" and "5 or more" >=, "under 3" <. */
    private static String op(List<Term> terms, int i) {
        String before = i > 0 ? terms.get(i - 1).words() : "";
        String twoBefore = i > 1 ? terms.get(i - 2).words() : "";
        if (i + 2 < terms.size() && OR.contains(terms.get(i + 1).words())) {
            return terms.get(i + 2).is(Keyword.MOST) ? ">=" : "<="; // "10 or more", "3 or fewer"
        }
        if (before.endsWith("least") || before.equals(">=") || before.equals("upwards of")) {
            return ">=";
        }
        if (before.endsWith("most") || before.equals("<=")) {
            return "<=";
        }
        String word = before.endsWith("than") ? (before.equals("than") ? twoBefore : before) : before;
        return word.equals("under") || word.equals("below") || word.equals("<") || word.contains("less")
                || word.contains("fewer") || word.contains("lower") || word.contains("smaller") ? "<" : ">";
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

    /**
     * "how many HCPs wrote over 40 TRx", "which territories topped 2,000 calls": the members named are grouped, each
     * with its measure, and only those past the threshold kept; counted when the question counts them.
     */
    static Intent intent(Mentions m, java.util.function.Function<Mentions, Intent> aggregate) {
        m.countTheActivity(); // "called at least 5 times"
        if (m.metrics.isEmpty()) {
            throw new Unanswerable("I read " + m.threshold.describe() + " as a threshold, but not on which measure: "
                    + "name it, for example \"more than 40 TRx\".");
        }
        if (m.share || m.growth || m.trend || m.grain != null || m.metrics.size() > 1) {
            throw new Unanswerable("A threshold applies to one measure of each member, not to a share, a growth, a "
                    + "trend or several measures; ask for those separately.");
        }
        m.entities.forEach(e -> m.grouped.add(e.position()));
        m.dimensions.forEach(d -> m.grouped.add(d.position()));
        boolean count = m.count;
        m.count = false;
        m.list = false;
        Intent in = aggregate.apply(m);
        if (in.groups().isEmpty() || in.shape() != Intent.Shape.AGGREGATE || in.rank() != null && in.rank().limit() != null) {
            throw new Unanswerable("I read " + m.threshold.describe() + " as a threshold on each member's total, but "
                    + "not which members (HCPs, territories, payers...) it applies to; name them.");
        }
        return in.withThreshold(new Intent.Threshold(m.threshold.op(), m.threshold.number(), count));
    }
}
