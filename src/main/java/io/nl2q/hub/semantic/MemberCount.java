package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Locale;

/**
 * "how many endocrinologists got a Tirosint call", "how many docs did reps visit": members named right after "how
 * many" are what is counted; a counted activity named after them ("a call", "visit") only says which members, so it
 * becomes an activity they had (a distinct count of them), never the number of activities.
 */
final class MemberCount {
    private MemberCount() {
    }

    static void apply(List<Term> terms, Mentions m) {
        if (!m.count || m.metrics.isEmpty() || m.share || m.ratio || m.descending != null || m.growth) {
            return;
        }
        int members = countedMembers(terms);
        if (members < 0 || m.metricSlots.stream().anyMatch(s -> s.position() < members
                || !counts(s.candidates().get(0).field()) || terms.get(s.position() - 1).number() != null)
                || elsewhere(terms, m, members)) {
            return;
        }
        for (Mentions.Slot s : m.metricSlots) {
            ModelTable activity = s.candidates().get(0).table();
            m.facts.add(Mentions.Slot.of(s.position(), activity, s.negated(), s.singular()));
        }
        m.metrics.clear();
        m.metricSlots.clear();
        m.readings.add("\"how many " + terms.get(members).words() + "\" as a count of " + terms.get(members).words()
                + " with that activity, not of the activities");
    }

    /**
     * Another table is named beside them ("did the Chicago rep reach"): its rows may be reached through the activity
     * (the rep's calls) or through the members (the HCPs' city), so the measure's own reading is kept. A value right
     * before the activity ("a Tirosint call") and who did it ("reps") say which activity.
     */
    private static boolean elsewhere(List<Term> terms, Mentions m, int members) {
        ModelTable counted = terms.get(members).meaning().table();
        java.util.Set<Integer> activity = new java.util.HashSet<>();
        m.metricSlots.forEach(s -> activity.add(s.position() - 1));
        return java.util.stream.Stream.of(m.values, m.dimensions, m.entities, m.namedFilters).flatMap(List::stream)
                .filter(s -> s.position() != members && !activity.contains(s.position())
                        && !m.actors.contains(s.position()))
                .anyMatch(s -> s.candidates().get(0).table() != counted && s.candidates().get(0).table() != null
                        && !s.candidates().get(0).table().isFact());
    }

    /** The position of the members right after "how many" (a table of members or a plural value), or -1. */
    private static int countedMembers(List<Term> terms) {
        for (int i = 0; i + 1 < terms.size(); i++) {
            if (!terms.get(i).is(Keyword.COUNT) || !terms.get(i).words().equals("how many")) {
                continue;
            }
            Term next = terms.get(i + 1);
            Meaning first = next.meaning();
            boolean table = next.is(Meaning.Type.TABLE) && !first.table().isFact();
            boolean value = next.is(Meaning.Type.VALUE) && !next.singular() && first.table() != null
                    && !first.table().isFact() && first.table().label().map(l -> l != first.field()).orElse(true);
            return table || value ? i + 1 : -1;
        }
        return -1;
    }

    /** A measure that counts rows or members (calls, reach), not a sum of amounts. */
    private static boolean counts(Field metric) {
        String expr = metric.expr().strip().toUpperCase(Locale.ROOT);
        return expr.startsWith("COUNT(") && !expr.contains("DISTINCT"); // a distinct count already counts members
    }
}
