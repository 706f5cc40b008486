package io.nl2q.hub.semantic;

import java.util.List;

/**
 * Readings made once every term is scanned, each from the words around a measure or a member: a count named beside
 * another measure of its activity ("visit duration"), "any channel", an activity counted after "who got", and
 * "each" at the end of a question.
 */
final class MentionPasses {
    private final List<Term> terms;
    private final Mentions m;

    private MentionPasses(List<Term> terms, Mentions m) {
        this.terms = terms;
        this.m = m;
    }

    static void apply(List<Term> terms, Mentions m) {
        MentionPasses p = new MentionPasses(terms, m);
        p.qualifyingCount();
        p.anyOf();
        p.activityOfMembers();
        p.eachAfterward();
    }

    private int previousNonStop(int i) {
        return MentionScanner.previousNonStop(terms, i);
    }

    /**
     * "Flector TRx from HCPs who received at least one Flector call": the activity counted after "who got", beside
     * another measure, only says which members, so it is an activity they had, not a second measure.
     */
    private void activityOfMembers() {
        if (m.metrics.size() < 2) {
            return;
        }
        for (Mentions.Slot c : List.copyOf(m.metricSlots)) {
            Field count = c.candidates().get(0).field();
            if (count == null || !count.counts(true) || m.metricSlots.size() < 2) {
                continue;
            }
            boolean relative = false;
            for (int j = c.position() - 1; j >= 0 && j >= c.position() - 6; j--) {
                Term t = terms.get(j);
                if (t.isStop() && t.words().matches("who|that|which|whom")) {
                    relative = true;
                    continue;
                }
                if (relative && t.is(Meaning.Type.TABLE) && !t.meaning().table().isFact()) {
                    m.metrics.remove(count);
                    m.metricSlots.remove(c);
                    m.facts.add(Mentions.Slot.of(c.position(), c.candidates().get(0).table(), c.negated(), c.singular()));
                    m.readings.add("\"" + terms.get(c.position()).words() + "\" as an activity the " + t.words()
                            + " had, not a second measure");
                    break;
                }
                if (!(t.isStop() || t.is(Meaning.Type.VALUE) || t.number() != null || t.meaning() == null)) {
                    break;
                }
            }
        }
    }

    /** "any product, any channel", "(all products)": every member, so neither a grouping nor a filter. */
    private void anyOf() {
        for (int i = 1; i < terms.size(); i++) {
            Term before = terms.get(i - 1);
            boolean any = before.isStop() && before.words().matches("any|all|all the|all of the|whatever");
            int g = previousNonStop(i - 1);
            boolean grouping = g >= 0 && terms.get(g).is(Keyword.GROUP) && !terms.get(g).words().equals("across");
            if (any && !grouping && (terms.get(i).is(Meaning.Type.TABLE) || terms.get(i).is(Meaning.Type.DIMENSION))) {
                m.anyOf.add(i);
            }
        }
    }

    /** "Pfizer's products - TRx for each one": "each" with nothing after it to group by means the members named. */
    private void eachAfterward() {
        for (int g = 0; g < terms.size(); g++) {
            if (!terms.get(g).is(Keyword.GROUP) || !terms.get(g).words().matches("(for )?(each|every)")) {
                continue;
            }
            final int at = g;
            boolean named = terms.subList(g + 1, terms.size()).stream().anyMatch(t -> t.is(Meaning.Type.TABLE)
                    || t.is(Meaning.Type.DIMENSION) || t.is(Meaning.Type.FILTER) || t.is(Meaning.Type.VALUE));
            if (!named) {
                m.entities.stream().filter(e -> e.position() < at).reduce((a, b) -> b)
                        .ifPresent(e -> m.grouped.add(e.position()));
            }
        }
    }

    /**
     * "visit duration", "minutes of calls": the activity's own count named beside another measure of it only says
     * whose measure it is, so it is not a second measure.
     */
    private void qualifyingCount() {
        for (Mentions.Slot c : List.copyOf(m.metricSlots)) {
            Field count = c.candidates().get(0).field();
            if (count == null || !count.counts(true)) {
                continue;
            }
            for (Mentions.Slot x : m.metricSlots) {
                Field other = x.candidates().get(0).field();
                boolean sameTable = other != null && other != count && other.table().equals(count.table())
                        && !other.counts(false); // "calls, HCPs reached" lists two counts
                boolean before = c.position() == x.position() - 1;
                boolean ofAfter = c.position() == x.position() + 2 && terms.get(x.position() + 1).isStop()
                        && terms.get(x.position() + 1).words().equals("of");
                if (sameTable && (before || ofAfter)) {
                    m.metrics.remove(count);
                    m.metricSlots.remove(c);
                    m.readings.add("\"" + terms.get(c.position()).words() + "\" as whose " + other.spokenName()
                            + ", not a second measure");
                    break;
                }
            }
        }
    }
}
