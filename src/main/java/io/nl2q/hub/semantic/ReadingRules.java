package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Readings the scanner applies beside the plain meaning of terms: who did an activity, the asker's own member, another
 * company's side, numbers listed after a numeric filter, periods said again, named filters that cannot combine.
 */
final class ReadingRules {
    private ReadingRules() {
    }

    /** "my territory ... I'm Mary Singh": the asker's own member, named by a value of its table, is no grouping. */
    static void mine(List<Term> terms, Mentions m) {
        for (Mentions.Slot e : m.entities) {
            int p = e.position();
            ModelTable table = e.candidates().get(0).table();
            Mentions.Slot named = m.values.stream().filter(v -> v.candidates().stream().allMatch(c -> c.table() == table))
                    .findFirst().orElse(null);
            if (p > 0 && terms.get(p - 1).isStop() && terms.get(p - 1).words().equals("my") && named != null
                    && !m.grouped.contains(p)) {
                m.actors.add(p);
                m.readings.add("\"my " + terms.get(p).words() + "\" as the " + terms.get(p).words() + " of "
                        + terms.get(named.position()).words());
            }
        }
    }

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("\\W+");

    /**
     * "payers that list Tirosint as Not Covered on formulary": a value said outright wins over a named filter of the
     * same column ("on formulary": covered); among values of that column ("Preferred / Covered / Not Covered") the
     * filter's own word is its value.
     */
    static void valuesOverNamedFilters(List<Term> terms, Mentions m) {
        for (Mentions.Slot n : List.copyOf(m.namedFilters)) {
            Field named = n.candidates().get(0).field();
            Mentions.Slot explicit = named == null ? null : m.values.stream().filter(v -> v.candidates().get(0).type()
                    == Meaning.Type.VALUE && v.candidates().get(0).field() != null
                    && v.candidates().get(0).field().table().equals(named.table())
                    && NOT_WORD.splitAsStream(named.expr()).anyMatch(v.candidates().get(0).field().expr()::equals))
                    .findFirst().orElse(null);
            if (explicit != null) {
                m.namedFilters.remove(n);
                Meaning v = explicit.candidates().get(0);
                String said = n.position() < terms.size() ? terms.get(n.position()).words() : "";
                List<Meaning> asValue = v.field().sampleValues().stream().filter(x -> x.equalsIgnoreCase(said))
                        .map(x -> new Meaning(Meaning.Type.VALUE, v.table(), v.field(), x, null, false)).toList();
                int at = m.values.indexOf(n);
                if (!asValue.isEmpty()) {
                    // "Preferred / Covered / Not Covered": among values of the column, the word is its value
                    Mentions.Slot value = new Mentions.Slot(n.position(), asValue, n.negated(), n.singular(), n.number());
                    if (at >= 0) {
                        m.values.set(at, value);
                    } else {
                        m.values.add(value);
                    }
                } else {
                    m.values.remove(n);
                    m.readings.add("\"" + named.spokenName() + "\" as said by the value given, not as a filter of its"
                            + " own");
                }
            }
        }
    }

    /** "HCPs in CRM vs not in CRM": two named filters of one table are a comparison or a contradiction, not one set. */
    static void sameTableFilters(Mentions m) {
        if (m.namedFilters.size() > 1 && m.namedFilters.stream().map(f -> f.candidates().get(0).table()).distinct()
                .count() < m.namedFilters.size()) {
            throw new Unanswerable("I read two named filters of " + m.namedFilters.get(0).candidates().get(0).table()
                    .name() + " (" + m.namedFilters.get(0).candidates().get(0).describe() + ", "
                    + m.namedFilters.get(1).candidates().get(0).describe() + "); I apply one at a time, so ask for each"
                    + " separately.");
        }
    }

    /**
     * Every period of the span was already named (same first and last day); a span said without a year ("Q1 to Q2")
     * restates the same quarters, halves or months of the year said before.
     */
    static boolean restated(Mentions m, TimeParser.Span span, boolean noYear) {
        List<Period> said = new ArrayList<>();
        m.periods.forEach(p -> {
            said.add(p.first());
            if (p.second() != null) {
                said.add(p.second());
            }
        });
        return !said.isEmpty() && java.util.stream.Stream.of(span.first(), span.second()).filter(java.util.Objects::nonNull)
                .allMatch(p -> said.stream().anyMatch(q -> q.from().equals(p.from()) && q.to().equals(p.to())
                        || noYear && q.from().withYear(2000).equals(p.from().withYear(2000))
                        && q.to().withYear(2000).equals(p.to().withYear(2000))
                        && q.from().getYear() == q.to().getYear()));
    }

    /**
     * "AbbVie reps", "Pfizer's HCPs": a value that is not the model owner's own side, naming whose members of another
     * table are meant, asks about another company's activity, which the data do not hold.
     */
    static void otherSide(List<Term> terms, int i, Term t) {
        if (i >= 2 && List.of("does", "do", "did").contains(terms.get(i - 1).words())) {
            otherSide(t, terms.get(i - 2)); // "how many reps does Pfizer have": the members asked of the value
        }
        int j = i + 1;
        while (j + 1 < terms.size() && terms.get(j).is(Meaning.Type.VALUE) && terms.get(j).start() == terms.get(j - 1).end()
                && terms.get(j).meaning().table() == t.meaning().table()) {
            j++; // "AbbVie's Synthroid reps": the company's product between the company and its members
        }
        if (j >= terms.size() || terms.get(j).start() != terms.get(j - 1).end()) {
            return;
        }
        otherSide(t, terms.get(j));
    }

    private static void otherSide(Term t, Term next) {
        boolean member = next.is(Meaning.Type.DIMENSION) || next.is(Meaning.Type.TABLE) && !next.meaning().table().isFact();
        boolean foreign = t.meanings().stream().allMatch(v -> v.field() != null && !v.field().ownValues().isEmpty()
                && !v.field().ownValues().contains(v.value()) && v.table() != next.meaning().table());
        if (member && foreign) {
            throw new Unanswerable("\"" + t.words() + " " + next.words() + "\": the data hold only our own side's "
                    + "activity (" + String.join(", ", t.meaning().field().ownValues()) + "), not " + t.meaning().value()
                    + "'s.");
        }
    }

    /** The next term names a dimension of this table ("prescriber specialty", "HCP decile"). */
    static boolean ownDimensionNext(List<Term> terms, int i) {
        if (i + 1 >= terms.size() || !terms.get(i + 1).is(Meaning.Type.DIMENSION)
                || terms.get(i + 1).start() != terms.get(i).end()) {
            return false;
        }
        ModelTable table = terms.get(i).meaning().table();
        return terms.get(i + 1).meanings().stream().anyMatch(d -> d.table() == table);
    }

    /**
     * "minutes the reps spent on calls", "scripts our docs wrote": members named between a measure and a verb are who
     * did the activity, not a grouping (only by/per/each/which group).
     */
    static boolean actor(List<Term> terms, java.util.Set<Integer> verbs, int i) {
        int j = i - 1;
        while (j >= 0 && terms.get(j).isStop() && terms.get(j).words().matches("the|our|my|your|their|its")) {
            j--;
        }
        // "how many docs did reps visit": the noun after an auxiliary is the subject of the verb
        boolean auxiliary = i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().matches("did|do|does");
        if (!auxiliary && (j < 0 || !terms.get(j).is(Meaning.Type.METRIC))) {
            return false;
        }
        int end = terms.get(i).end();
        if (verbs.contains(end)) {
            return true;
        }
        Term next = i + 1 < terms.size() ? terms.get(i + 1) : null;
        return next != null && next.start() == end && (next.is(Meaning.Type.TABLE) && next.meaning().table().isFact()
                || auxiliary && next.is(Meaning.Type.METRIC)
                || next.isStop() && next.words().matches("made|make|makes|logged|recorded"));
    }

    /**
     * "decile 9 or 10", "deciles 8, 9 and 10": the next numbers of a numeric filter are values of it, never a row limit;
     * consecutive ones are its range, others are refused rather than guessed.
     */
    static boolean listedNext(List<Term> terms, Mentions m, boolean[] qualifier, int filter, int j) {
        int last = terms.get(filter + 1).number();
        int k = j;
        while (k < terms.size()) {
            boolean joined = terms.get(k).isStop() && terms.get(k).words().matches("or|and");
            int at = joined ? k + 1 : k;
            if (at >= terms.size() || terms.get(at).number() == null) {
                break;
            }
            if (terms.get(at).number() != last + 1) {
                throw new Unanswerable("I read " + terms.get(at).number() + " after " + last + " as another value of "
                        + terms.get(filter).words() + "; I filter on one value or a range (for example \""
                        + terms.get(filter).words() + " 7 to 10\").");
            }
            last = terms.get(at).number();
            for (int q = k; q <= at; q++) {
                qualifier[q] = true;
            }
            k = at + 1;
        }
        if (k == j) {
            return false;
        }
        m.upTo.put(filter, last);
        return true;
    }

    /**
     * "minutes in calls", "HCPs reached with Licart calls": a measure named after in/with (past values) beside an
     * earlier measure of the same activity names that activity, not a second figure.
     */
    static boolean namesActivity(List<Term> terms, int i) {
        int j = i - 1;
        while (j >= 0 && terms.get(j).time() == null && terms.get(j).is(Meaning.Type.VALUE)) {
            j--;
        }
        if (j < 0 || !terms.get(j).isStop() || !terms.get(j).words().matches("in|with|during|on|through|via")) {
            return false;
        }
        ModelTable table = terms.get(i).meaning().table();
        for (int k = j - 1; k >= 0; k--) {
            Term t = terms.get(k);
            if (t.is(Meaning.Type.METRIC)) {
                return t.meaning().table() == table;
            }
        }
        return false;
    }
}
