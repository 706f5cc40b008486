package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Set;

/**
 * "units per TRx", "calls per HCP reached", "NRx for every TRx": a measure per another measure is their ratio, one
 * number per row, never the two measures side by side. Across two activities ("TRx per call") each is aggregated on
 * its own and the ratio added beside them (see {@link MultiFactSql}).
 */
final class PerMeasure {
    private static final Set<String> PER = Set.of("per", "for every", "for each");

    private PerMeasure() {
    }

    /** "NRx as a share of TRx", "NRx as a proportion of TRx": one measure over the other, not a share of members. */
    private static void ofAnother(List<Term> terms, Mentions m) {
        int first = m.metricSlots.get(0).position();
        int second = m.metricSlots.get(1).position();
        if (m.metricSlots.get(0).candidates().get(0).table() != m.metricSlots.get(1).candidates().get(0).table()
                || m.metricSlots.get(0).candidates().get(0).field() == m.metricSlots.get(1).candidates().get(0).field()) {
            if (m.metricSlots.get(0).candidates().get(0).field() == m.metricSlots.get(1).candidates().get(0).field()) {
                // "in-person calls as a fraction of all calls": the values named with the first are the share's part
                m.values.stream().filter(v -> v.position() < first && !v.negated()).forEach(m.segment::add);
            }
            return;
        }
        boolean shareBetween = false;
        for (int i = first + 1; i < second; i++) {
            Term t = terms.get(i);
            if (t.is(Keyword.SHARE) && t.words().endsWith(" of")) {
                shareBetween = true;
            } else if (!t.isStop()) {
                return;
            }
        }
        if (shareBetween) {
            m.share = false;
            m.ratio = true;
            m.ratioPosition = first + 1;
            m.readings.add("\"" + terms.get(first).words() + " as a share of " + terms.get(second).words()
                    + "\" as the ratio of the two measures");
        }
    }

    static void apply(List<Term> terms, Mentions m) {
        if (m.metricSlots.size() == 2 && m.share && !m.ratio && !m.growth && m.segment.isEmpty()) {
            ofAnother(terms, m);
        }
        if (m.metricSlots.size() != 2 || m.ratio || m.share || m.growth) {
            return;
        }
        int first = m.metricSlots.get(0).position();
        int second = m.metricSlots.get(1).position();
        int per = -1;
        for (int i = first + 1; i < second; i++) {
            Term t = terms.get(i);
            if (PER.contains(t.words()) && (t.is(Keyword.GROUP) || t.isStop())) {
                per = i;
            } else if (!t.isStop() && !(per >= 0 && t.is(Meaning.Type.VALUE))) { // "TRx per Flector call"
                return; // something else stands between the two measures: not "A per B"
            }
        }
        if (per < 0) {
            return;
        }
        if (m.metricSlots.get(0).candidates().get(0).table() != m.metricSlots.get(1).candidates().get(0).table()) {
            m.acrossRatio = true; // "Flector TRx per Flector call": each measure on its own activity, then the ratio
            m.readings.add("\"" + terms.get(first).words() + " " + terms.get(per).words() + " "
                    + terms.get(second).words() + "\" as the first measure over the second, each on its own activity");
            return;
        }
        m.ratio = true;
        m.ratioPosition = per;
        m.readings.add("\"" + terms.get(first).words() + " " + terms.get(per).words() + " " + terms.get(second).words()
                + "\" as the ratio of the two measures");
    }
}
