package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Set;

/**
 * "units per TRx", "calls per HCP reached", "NRx for every TRx": a measure per another measure is their ratio, one
 * number per row, never the two measures side by side. Across two activities ("TRx per call") the ratio is refused
 * by {@link Ratios}, as every ratio of two tables is.
 */
final class PerMeasure {
    private static final Set<String> PER = Set.of("per", "for every", "for each");

    private PerMeasure() {
    }

    static void apply(List<Term> terms, Mentions m) {
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
            } else if (!t.isStop()) {
                return; // something else stands between the two measures: not "A per B"
            }
        }
        if (per < 0) {
            return;
        }
        m.ratio = true;
        m.ratioPosition = per;
        m.readings.add("\"" + terms.get(first).words() + " " + terms.get(per).words() + " " + terms.get(second).words()
                + "\" as the ratio of the two measures");
    }
}
