package io.nl2q.hub.semantic;

import java.util.List;

/**
 * "what fraction of Tirosint TRx were new scripts", "what share of calls were NRx...": a share of one measure that
 * is another measure of the same rows is a ratio of the two (NRx / TRx), not a market share of the members named.
 */
final class PartOfWhole {
    private PartOfWhole() {
    }

    static void apply(List<Term> terms, Mentions m) {
        if (!m.share || m.metricSlots.size() != 2 || m.ratio || m.growth || !m.segment.isEmpty()) {
            return;
        }
        Mentions.Slot whole = m.metricSlots.get(0);
        Mentions.Slot part = m.metricSlots.get(1);
        Field wholeField = whole.candidates().get(0).field();
        Field partField = part.candidates().get(0).field();
        if (whole.candidates().get(0).table() != part.candidates().get(0).table() || wholeField == partField
                || !said(terms, part.position())) {
            return;
        }
        int share = shareBefore(terms, whole.position());
        if (share < 0) {
            return;
        }
        m.share = false;
        m.ratio = true;
        m.ratioPosition = share;
        m.metrics.clear();
        m.metrics.add(partField);
        m.metrics.add(wholeField);
        m.metricSlots.clear();
        m.metricSlots.add(part);
        m.metricSlots.add(whole);
        m.readings.add("\"" + terms.get(share).words() + " " + wholeField.spokenName() + " ... " + partField.spokenName()
                + "\" as " + partField.spokenName() + " over " + wholeField.spokenName() + ", not a market share");
    }

    /** The part is said as what the whole "were" / "was" / "are" ("of TRx were new scripts"). */
    private static boolean said(List<Term> terms, int part) {
        return part > 0 && terms.get(part - 1).isStop() && terms.get(part - 1).words().matches("were|was|are|is");
    }

    /** The position of "share of" / "fraction of" before the whole measure, or -1. */
    private static int shareBefore(List<Term> terms, int whole) {
        for (int k = whole - 1; k >= 0; k--) {
            Term t = terms.get(k);
            if (t.is(Keyword.SHARE)) {
                return t.words().endsWith(" of") || k + 1 < terms.size() && terms.get(k + 1).words().equals("of")
                        ? k : -1;
            }
            if (!t.isStop() && !t.is(Meaning.Type.VALUE) && t.time() == null) {
                return -1;
            }
        }
        return -1;
    }
}
