package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.util.ArrayList;
import java.util.List;

/** Walks a question's terms once and sorts them into {@link Mentions}, refusing words that fit nowhere. */
final class MentionScanner {
    private final List<Term> terms;
    private final Mentions m = new Mentions();
    private final boolean[] qualifier;
    private boolean negate;
    private int sharePosition = -1;
    private boolean shareOf;

    /** Token positions of the verbs the reader dropped ("logged", "spent", "got"). */
    private final java.util.Set<Integer> verbs;

    private MentionScanner(List<Term> terms, java.util.Set<Integer> verbs) {
        this.terms = new ArrayList<>(terms);
        this.qualifier = new boolean[terms.size()];
        this.verbs = verbs;
    }

    static Mentions scan(List<Term> terms) {
        return scan(terms, java.util.Set.of());
    }

    static Mentions scan(List<Term> terms, java.util.Set<Integer> verbs) {
        MentionScanner s = new MentionScanner(terms, verbs);
        s.markQualifiers();
        for (int i = 0; i < terms.size(); i++) {
            s.take(i);
        }
        s.mine();
        MemberCount.apply(s.terms, s.m);
        PartOfWhole.apply(s.terms, s.m);
        s.sameTableFilters();
        if (s.m.changeGrain && !s.m.growth && !s.m.trend && s.m.periods.stream()
                .mapToInt(p -> p.second() == null ? 1 : 2).sum() == 2) {
            s.m.grain = null; // "Q3 2025 vs Q4 2025 (quarter over quarter)": the grain word names the periods given
        }
        return s.m;
    }

    /** "the West region", "product Tirosint", "molecule levothyroxine": the name only says which value is meant. */
    private void markQualifiers() {
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).is(Meaning.Type.VALUE)) {
                continue;
            }
            for (int j : new int[] {i - 1, i + 1}) {
                if (j < 0 || j >= terms.size()) {
                    continue;
                }
                Term t = terms.get(j);
                List<Meaning> named = terms.get(i).meanings().stream().filter(v -> t.meanings().stream()
                        .anyMatch(q -> q.type() == Meaning.Type.DIMENSION && q.field() == v.field()
                                || q.type() == Meaning.Type.TABLE && q.table() == v.table()
                                && v.table().label().map(l -> l == v.field()).orElse(false))).toList();
                if (!named.isEmpty()) {
                    qualifier[j] = true;
                    Term v = terms.get(i); // "levothyroxine molecule": only the molecule is meant
                    terms.set(i, new Term(v.start(), v.end(), v.words(), named, v.number(), v.time(), v.singular()));
                }
            }
        }
    }

    private void take(int i) {
        Term t = terms.get(i);
        if (qualifier[i]) {
            return;
        }
        if (t.time() != null) {
            if (restated(t.time(), !t.words().matches(".*\\b20\\d\\d\\b.*"))) {
                m.readings.add("\"" + t.words() + "\" as the same periods said again");
                return; // "Q3 2025 vs Q4 2025 (Q3 to Q4)", "2024 vs 2025, from 2024 to 2025": the same periods again
            }
            m.periods.add(t.time());
            m.periodPositions.add(i);
            return;
        }
        if (t.number() != null) {
            number(i, t);
            return;
        }
        Meaning first = t.meaning();
        switch (first.type()) {
            case KEYWORD -> keyword(i, first.keyword(), t);
            case METRIC -> {
                if (namesActivity(i)) {
                    return; // "minutes in calls", "reached with Licart calls": the activity, not a second measure
                }
                m.shareAndMeasure |= m.share && betweenAnd(sharePosition, i);
                t.meanings().stream().filter(x -> x.type() == Meaning.Type.METRIC).map(Meaning::field)
                        .filter(f -> !m.metrics.contains(f)).findFirst().ifPresent(m.metrics::add);
                m.metricSlots.add(slot(i, t));
            }
            case DIMENSION -> dimension(i, t);
            case TABLE -> {
                versusWhole(i, t);
                boolean afterAll = i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().equals("all");
                if ((previousKeyword(i) == Keyword.GROUP || afterBy(i)) && !(afterAll && acrossBefore(i))) {
                    // "across all products" is one total over them, not a row each; "by prescriber specialty" groups
                    // by the specialty of prescribers, not by prescriber too
                    m.grouped.add(ownDimensionNext(i) ? i + 1 : i);
                    if (ownDimensionNext(i)) {
                        m.readings.add("\"" + t.words() + " " + terms.get(i + 1).words() + "\" as a grouping by "
                                + terms.get(i + 1).words() + " only");
                    }
                }
                if (actor(i)) {
                    m.actors.add(i);
                    m.readings.add("\"" + t.words() + "\" as who did the activity, not a grouping");
                }
                if (besideValue(i)) {
                    m.qualified.add(i);
                }
                if (i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().equals("all")) {
                    m.allOf.add(t.meaning().table());
                }
                (t.meaning().table().isFact() ? m.facts : m.entities).add(slot(i, t));
            }
            case FILTER -> {
                if (i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().matches("i|we")
                        && i + 1 < terms.size() && terms.get(i + 1).is(Meaning.Type.VALUE)) {
                    // "I cover Boston": the asker's own territory, not a named filter of another table
                    m.readings.add("\"" + terms.get(i - 1).words() + " " + t.words() + "\" as who is asking");
                    return;
                }
                boolean ranked = previousKeyword(i) == Keyword.TOP && terms.get(previousNonStop(i)).words()
                        .startsWith("rank"); // "rank our promoted brands by TRx": each of them is a row
                if ((ranked || i > 0 && terms.get(i - 1).is(Keyword.GROUP) && !terms.get(i - 1).words().equals("across"))
                        && !first.table().isFact()) {
                    // "per promoted brand": the filter's members are the grouping; "across all our brands" sums
                    m.grouped.add(i);
                    m.entities.add(new Mentions.Slot(i, List.of(new Meaning(Meaning.Type.TABLE, first.table(), null,
                            null, null, false)), false, t.singular(), null));
                }
                m.namedFilters.add(slot(i, t));
            }
            case VALUE -> {
                otherSide(i, t);
                if (i + 1 < terms.size() && terms.get(i + 1).is(Meaning.Type.METRIC) && i > 0
                        && terms.get(i - 1).is(Keyword.SHARE) && terms.get(i - 1).words().endsWith("of")) {
                    m.shareOfWhole = i;
                }
                Mentions.Slot v = slot(i, t);
                m.values.add(v);
                if (shareOf && m.metricSlots.stream().anyMatch(s -> s.position() > sharePosition) && unpartitioned(v)
                        && m.values.stream().noneMatch(x -> x.position() == previousNonStop(sharePosition))) {
                    // "share of Tirosint TRx from Commercial", "what share of calls were virtual": the segment's part
                    m.segment.add(v);
                }
            }
        }
    }

    /** "my territory ... I'm Mary Singh": the asker's own member, named by a value of its table, is no grouping. */
    private void mine() {
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

    /** "HCPs in CRM vs not in CRM": two named filters of one table are a comparison or a contradiction, not one set. */
    private void sameTableFilters() {
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
    private boolean restated(TimeParser.Span span, boolean noYear) {
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

    private Mentions.Slot slot(int i, Term t) {
        Mentions.Slot s = new Mentions.Slot(i, t.meanings(), negate, t.singular(), null);
        negate = false;
        return s;
    }

    /** "TRx vs plan": a comparison needs members or periods on each side; a whole table after "vs" is none. */
    private void versusWhole(int i, Term t) {
        if (previousKeyword(i) == Keyword.VERSUS && !besideValue(i)) {
            throw new Unanswerable("I read \"" + t.words() + "\" after \"vs\" as " + t.meaning().describe()
                    + ", which names no member to compare with; name the members (for example two values), or say \"by "
                    + t.words() + "\" for a breakdown.");
        }
    }

    private void dimension(int i, Term t) {
        versusWhole(i, t);
        if (negate && !(i + 1 < terms.size() && terms.get(i + 1).number() != null)) {
            // "territories without a rep": a dimension has a value for every row, so "without" it names nothing
            throw new Unanswerable("I read \"" + t.words() + "\" after a negation, but it is an attribute every row has;"
                    + " say which of its values to leave out (for example \"not " + t.words() + " <value>\").");
        }
        Keyword before = previousKeyword(i);
        boolean numeric = t.meanings().stream().anyMatch(x -> x.field().isNumeric());
        if (numeric && (before == Keyword.TOP || before == Keyword.BOTTOM)
                && !(i + 1 < terms.size() && terms.get(i + 1).number() != null)) {
            throw new Unanswerable("\"" + t.words() + "\" after \"top\" or \"bottom\" could mean its highest value or a"
                    + " ranking; say for example \"" + t.words() + " 10\" or \"by " + t.words() + "\".");
        }
        if (i + 1 < terms.size() && terms.get(i + 1).number() != null
                && t.meanings().stream().anyMatch(x -> x.field().isNumeric())) {
            m.numericFilters.add(new Mentions.Slot(i, t.meanings(), negate, false, terms.get(i + 1).number()));
            negate = false;
            qualifier[i + 1] = true;
            range(i, i + 2);
            return;
        }
        if (m.share && m.partition == null && previousKeyword(i) == Keyword.SHARE
                || i + 1 < terms.size() && terms.get(i + 1).is(Keyword.SHARE)) {
            m.partition = slot(i, t);
            return;
        }
        for (int j : new int[] {i - 1, i + 1}) {
            Term v = j >= 0 && j < terms.size() ? terms.get(j) : null;
            boolean ambiguousValue = v != null && v.meanings().stream().map(Meaning::field).distinct().count() > 1;
            if (ambiguousValue && v.is(Meaning.Type.VALUE) && t.meanings().stream().allMatch(d -> v.meanings().stream()
                    .allMatch(x -> x.table() == d.table() && x.field() != d.field()))) {
                // "the levothyroxine market": a value of another dimension of the same table named as this one
                throw new Unanswerable("\"" + v.words() + " " + t.words() + "\" is ambiguous: " + v.words() + " is a "
                        + v.meaning().field().spokenName() + ", not a " + t.words() + ".");
            }
        }
        if (previousKeyword(i) == Keyword.GROUP || afterBy(i)) {
            m.grouped.add(i);
        }
        if (besideValue(i)) {
            m.qualified.add(i);
        }
        if (actor(i)) {
            m.actors.add(i);
            m.readings.add("\"" + t.words() + "\" as who did the activity, not a grouping");
        }
        m.dimensions.add(slot(i, t));
    }

    /**
     * "AbbVie reps", "Pfizer's HCPs": a value that is not the model owner's own side, naming whose members of another
     * table are meant, asks about another company's activity, which the data do not hold.
     */
    private void otherSide(int i, Term t) {
        if (i + 1 >= terms.size() || terms.get(i + 1).start() != t.end()) {
            return;
        }
        Term next = terms.get(i + 1);
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
    private boolean ownDimensionNext(int i) {
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
    private boolean actor(int i) {
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

    /** "deciles 7 to 10", "decile 8 or more", "8 and above": the words after a numeric filter's number. */
    private void range(int filter, int j) {
        String next = j < terms.size() ? terms.get(j).words() : "";
        String after = j + 1 < terms.size() ? terms.get(j + 1).words() : "";
        if (listedNext(filter, j)) {
            return;
        }
        if (next.matches("to|through|thru|until|till") && j + 1 < terms.size() && terms.get(j + 1).number() != null) {
            m.upTo.put(filter, terms.get(j + 1).number());
        } else if (next.equals("or") && after.equals("more") || next.equals("plus")) {
            m.upTo.put(filter, Integer.MAX_VALUE);
        } else {
            return;
        }
        qualifier[j] = true;
        if (!next.equals("plus")) {
            qualifier[j + 1] = true;
        }
    }

    /**
     * "decile 9 or 10", "deciles 8, 9 and 10": the next numbers of a numeric filter are values of it, never a row limit;
     * consecutive ones are its range, others are refused rather than guessed.
     */
    private boolean listedNext(int filter, int j) {
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
    private boolean namesActivity(int i) {
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

    private boolean betweenAnd(int from, int to) {
        for (int k = Math.max(from, 0) + 1; from >= 0 && k < to; k++) {
            if (terms.get(k).isStop() && terms.get(k).words().equals("and")) {
                return true;
            }
        }
        return false;
    }

    /** "calls I made by channel": a stop phrase ending in "by" still says what to group by. */
    private int previousNonStop(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!terms.get(j).isStop()) {
                return j;
            }
        }
        return -1;
    }

    /** A value of a table with no declared share partition (a payer channel, a specialty, a call channel). */
    private static boolean unpartitioned(Mentions.Slot v) {
        return !v.negated() && v.candidates().stream().allMatch(c -> c.table() != null
                && c.table().fields().stream().allMatch(f -> f.shareWithin() == null));
    }

    private boolean acrossBefore(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!terms.get(j).isStop()) {
                return terms.get(j).words().equals("across");
            }
        }
        return false;
    }

    private boolean afterBy(int i) {
        return i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().endsWith(" by");
    }

    /** The nearest non-stop term on either side is a value or a number ("Commercial payers", "HCPs in the West"). */
    private boolean besideValue(int i) {
        for (int step : new int[] {-1, 1}) {
            for (int j = i + step; j >= 0 && j < terms.size(); j += step) {
                Term t = terms.get(j);
                if (qualifier[j]) {
                    return true; // part of a value or number phrase ("decile 8 or more HCPs")
                }
                if (t.isStop()) {
                    if (t.words().equals("both")) {
                        break;
                    }
                    continue;
                }
                if (t.number() != null || t.time() == null && t.is(Meaning.Type.VALUE)) {
                    return true;
                }
                if (step == 1 && t.is(Meaning.Type.DIMENSION) && j + 1 < terms.size()
                        && terms.get(j + 1).number() != null
                        && t.meanings().stream().anyMatch(x -> x.field() != null && x.field().isNumeric())) {
                    return true; // "HCPs in decile 10": the number phrase after the table qualifies it
                }
                break;
            }
        }
        return false;
    }

    private Keyword previousKeyword(int i) {
        for (int j = i - 1; j >= 0; j--) {
            Term t = terms.get(j);
            if (!t.isStop()) {
                return t.meaning() != null && t.meaning().type() == Meaning.Type.KEYWORD ? t.meaning().keyword() : null;
            }
        }
        return null;
    }

    private void number(int i, Term t) {
        Keyword before = previousKeyword(i);
        if (before == Keyword.TOP || before == Keyword.BOTTOM || before == Keyword.MOST || before == Keyword.LEAST) {
            m.limit = t.number();
            return;
        }
        Term next = i + 1 < terms.size() ? terms.get(i + 1) : null;
        if (next != null && m.limit == null && (next.is(Meaning.Type.TABLE) || next.is(Meaning.Type.DIMENSION)
                || next.is(Meaning.Type.METRIC))) {
            m.limit = t.number(); // "which 5 territories had the lowest NRx": the ranking word comes later
            return;
        }
        throw new Unanswerable("I do not know what the number " + t.number() + " refers to in this question.");
    }

    private void keyword(int i, Keyword k, Term t) {
        switch (k) {
            case TOP, MOST -> {
                rank(i, true);
                m.rankAll |= t.words().startsWith("rank");
            }
            case BOTTOM, LEAST -> rank(i, false);
            case TREND -> m.trend = true;
            case WEEKLY, MONTHLY, QUARTERLY, YEARLY -> {
                m.grain = switch (k) {
                    case WEEKLY -> TimeGrain.WEEK;
                    case MONTHLY -> TimeGrain.MONTH;
                    case QUARTERLY -> TimeGrain.QUARTER;
                    default -> TimeGrain.YEAR;
                };
                m.grainSingular |= t.words().startsWith("which ") || t.words().startsWith("what ");
                m.changeGrain |= t.words().matches("(yoy|qoq|mom|wow|.* over .*)");
            }
            case SHARE -> {
                m.share = true;
                sharePosition = sharePosition < 0 ? i : sharePosition;
                shareOf |= sharePosition == i && t.words().endsWith(" of");
                m.values.stream().filter(v -> v.position() == previousNonStop(i) && unpartitioned(v))
                        .forEach(m.segment::add);
            }
            case GROWTH -> {
                m.growth = true;
                m.changeGrain |= t.words().matches(".*\\b(yoy|qoq|mom|wow|over)\\b.*");
                m.declining |= t.words().matches(".*\\b(declin|decreas|drop|fell|lost|los).*");
            }
            case VERSUS -> m.versus = true;
            case COUNT -> m.count = true;
            case WHICH -> m.which = true;
            case COMBINED -> m.combined = true;
            case RATIO -> {
                m.ratio = true;
                m.ratioPosition = m.ratioPosition < 0 ? i : m.ratioPosition;
            }
            case LIST -> m.list = true;
            case NEGATION, EXCEPT -> negate = true;
            case STOP -> m.both |= t.words().equals("both");
            default -> {
                // GROUP and stop words shape nothing on their own: a dimension after them is a grouping anyway
            }
        }
    }

    private void rank(int i, boolean descending) {
        if (m.descending == null) {
            m.descending = descending;
            m.rankPosition = i;
        }
    }

    static List<Term> withoutStops(List<Term> terms) {
        List<Term> out = new ArrayList<>();
        terms.stream().filter(t -> !t.isStop()).forEach(out::add);
        return out;
    }
}
