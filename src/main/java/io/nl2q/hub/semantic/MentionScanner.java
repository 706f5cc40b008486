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
        ReadingRules.mine(s.terms, s.m);
        MemberCount.apply(s.terms, s.m);
        PartOfWhole.apply(s.terms, s.m);
        PerMeasure.apply(s.terms, s.m);
        MentionPasses.apply(s.terms, s.m);
        ReadingRules.valuesOverNamedFilters(s.terms, s.m);
        ReadingRules.sameTableFilters(s.m);
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
                boolean grouping = j < i && (previousKeyword(j) == Keyword.GROUP || afterBy(j) || eachOfValues(j));
                if (!named.isEmpty() && !grouping) { // "by target tier (A/B/C)": a grouping, its values listed
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
            if (m.activityAt.contains(i) && t.is(Meaning.Type.METRIC) && t.meaning().field() != null
                    && m.facts.stream().noneMatch(f -> f.candidates().get(0).table() == t.meaning().table())) {
                m.facts.add(Mentions.Slot.of(i, t.meaning().table(), false, t.singular()));
            }
            return;
        }
        if (t.time() != null) {
            if (ReadingRules.restated(m, t.time(), !t.words().matches(".*\\b20\\d\\d\\b.*"))) {
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
                if (ReadingRules.namesActivity(terms, i)) {
                    return; // "minutes in calls", "reached with Licart calls": the activity, not a second measure
                }
                m.shareAndMeasure |= m.share && betweenAnd(sharePosition, i);
                t.meanings().stream().filter(x -> x.type() == Meaning.Type.METRIC).map(Meaning::field)
                        .filter(f -> !m.metrics.contains(f)).findFirst().ifPresent(m.metrics::add);
                m.metricSlots.add(slot(i, t));
            }
            case DIMENSION -> {
                if (i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().matches("(with|and|plus|w) (their|its)"
                        + "|their|its")) {
                    m.besideMembers.add(i); // "top 10 writers with their specialty": a column beside each writer
                }
                dimension(i, t);
            }
            case TABLE -> {
                versusWhole(i, t);
                boolean afterAll = i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().equals("all");
                int prior = previousNonStop(i);
                boolean perVerb = prior >= 0 && terms.get(prior).is(Meaning.Type.TABLE) && terms.get(prior).meaning()
                        .table().isFact() && previousKeyword(prior) == Keyword.GROUP; // "per writing HCP"
                if ((previousKeyword(i) == Keyword.GROUP || afterBy(i) || eachOfValues(i) || perVerb)
                        && !(afterAll && acrossBefore(i))) {
                    // "across all products" is one total over them, not a row each; "by prescriber specialty" groups
                    // by the specialty of prescribers, not by prescriber too
                    m.grouped.add(ReadingRules.ownDimensionNext(terms, i) ? i + 1 : i);
                    if (ReadingRules.ownDimensionNext(terms, i)) {
                        m.readings.add("\"" + t.words() + " " + terms.get(i + 1).words() + "\" as a grouping by "
                                + terms.get(i + 1).words() + " only");
                    }
                }
                int dim = previousNonStop(i);
                boolean ofBetween = dim >= 0 && terms.subList(dim + 1, i).stream().anyMatch(x -> x.isStop()
                        && x.words().startsWith("of"));
                if (dim >= 0 && dim < i - 1 && terms.get(dim).is(Meaning.Type.DIMENSION) && ofBetween
                        && terms.get(dim).meanings().stream().anyMatch(d -> d.table() == t.meaning().table())) {
                    m.qualified.add(i); // "by the specialty of the HCP called": whose specialty, not a grouping by HCP
                    m.grouped.remove(i);
                    m.ofOwner.add(i);
                }
                if (ReadingRules.actor(terms, verbs, i)) {
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
                int before = previousNonStop(i);
                before = before >= 0 && terms.get(before).number() != null ? previousNonStop(before) : before;
                boolean each = before >= 0 && terms.get(before).is(Keyword.GROUP)
                        && !terms.get(before).words().equals("across"); // "for each of our promoted brands"
                if ((ranked || each) && !first.table().isFact()) {
                    // "per promoted brand": the filter's members are the grouping; "across all our brands" sums
                    m.grouped.add(i);
                    m.entities.add(new Mentions.Slot(i, List.of(new Meaning(Meaning.Type.TABLE, first.table(), null,
                            null, null, false)), false, t.singular(), null));
                }
                Mentions.Slot named = slot(i, t);
                if (m.namedFilters.stream().noneMatch(n -> n.candidates().get(0).field() == first.field()
                        && n.negated() == named.negated())) {
                    m.namedFilters.add(named); // "our promoted portfolio (all promoted brands)": said twice, one filter
                }
            }
            case VALUE -> {
                ReadingRules.otherSide(terms, i, t);
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
        if (ReadingRules.actor(terms, verbs, i)) {
            m.actors.add(i);
            m.readings.add("\"" + t.words() + "\" as who did the activity, not a grouping");
        }
        m.dimensions.add(slot(i, t));
    }

    /** "deciles 7 to 10", "decile 8 or more", "8 and above": the words after a numeric filter's number. */
    private void range(int filter, int j) {
        String next = j < terms.size() ? terms.get(j).words() : "";
        String after = j + 1 < terms.size() ? terms.get(j + 1).words() : "";
        if (ReadingRules.listedNext(terms, m, qualifier, filter, j)) {
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
        return previousNonStop(terms, i);
    }

    /** The position of the nearest term before {@code i} that is not a stop word, or -1. */
    static int previousNonStop(List<Term> terms, int i) {
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

    /** "for each topical NSAID product": the values between "each" and the table only say which of its members. */
    private boolean eachOfValues(int i) {
        int j = previousNonStop(i);
        if (j < 0 || !terms.get(j).is(Meaning.Type.VALUE)) {
            return false;
        }
        while (j >= 0 && terms.get(j).is(Meaning.Type.VALUE)) {
            j = previousNonStop(j);
        }
        return j >= 0 && terms.get(j).is(Keyword.GROUP) && terms.get(j).words().matches("each|every|for each|for every|per");
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
        if (Thresholds.read(terms, i, qualifier, m)) {
            return; // "at least one IBSA script": any activity at all; "more than 40": a threshold
        }
        Keyword before = previousKeyword(i);
        if (before == Keyword.TOP || before == Keyword.BOTTOM || before == Keyword.MOST || before == Keyword.LEAST) {
            m.limit = t.number();
            return;
        }
        Term next = i + 1 < terms.size() ? terms.get(i + 1) : null;
        boolean afterAll = i > 0 && terms.get(i - 1).isStop() && terms.get(i - 1).words().matches("all|all the|all of the");
        if (next != null && afterAll && (next.is(Meaning.Type.TABLE) || next.is(Meaning.Type.FILTER))) {
            m.readings.add("\"all " + t.number() + " " + next.words() + "\" as every one of them"); // "all 30 territories"
            return;
        }
        if (next != null && next.is(Meaning.Type.FILTER) && m.descending == null) {
            // "each of our 4 promoted brands": the number restates how many the filter holds
            m.readings.add("\"" + t.number() + " " + next.words() + "\" as all " + next.words());
            return;
        }
        if (next != null && m.limit == null && (next.is(Meaning.Type.TABLE) || next.is(Meaning.Type.DIMENSION)
                || next.is(Meaning.Type.METRIC) || Keyword.SUPERLATIVES.stream().anyMatch(next::is))) {
            // "the 10 most-called doctors", "the 3 biggest writers": the ranking word right after the number
            m.limit = t.number(); // "which 5 territories had the lowest NRx": the ranking word comes later
            return;
        }
        throw new Unanswerable("I do not know what the number " + t.number() + " refers to in this question.");
    }

    private void keyword(int i, Keyword k, Term t) {
        switch (k) {
            case TOP, MOST -> {
                rank(i, true);
                m.rankAll |= t.words().startsWith("rank") || t.words().contains("descending");
            }
            case BOTTOM, LEAST -> {
                rank(i, false);
                m.rankAll |= t.words().contains("ascending");
            }
            case TREND -> m.trend = true;
            case WEEKLY, MONTHLY, QUARTERLY, YEARLY -> {
                m.grain = switch (k) {
                    case WEEKLY -> TimeGrain.WEEK;
                    case MONTHLY -> TimeGrain.MONTH;
                    case QUARTERLY -> TimeGrain.QUARTER;
                    default -> TimeGrain.YEAR;
                };
                boolean which = t.words().startsWith("which ") || t.words().startsWith("what ");
                boolean change = t.words().matches("(yoy|qoq|mom|wow|.* over .*)");
                m.grainSingular |= which;
                m.changeGrain |= change;
                m.grainGrouped |= !which && !change;
                m.grainBy |= t.words().matches("(by|each|for each|every|per) .*");
                m.grainAt = m.grainAt < 0 ? i : m.grainAt;
                m.changeGrainOf = change ? m.grain : m.changeGrainOf;
            }
            case SHARE -> {
                m.share = true;
                m.percent |= t.words().matches(".*\\b(percent|percentage|pct)\\b.*");
                sharePosition = sharePosition < 0 ? i : sharePosition;
                shareOf |= sharePosition == i && t.words().endsWith(" of");
                int before = previousNonStop(i);
                int valueAt = before >= 0 && terms.get(before).is(Meaning.Type.TABLE) ? previousNonStop(before) : before;
                m.values.stream().filter(v -> (v.position() == before || v.position() == valueAt) && unpartitioned(v))
                        .forEach(m.segment::add); // "Medicaid share", "Cash payer share"
            }
            case GROWTH -> {
                m.growth = true;
                m.percent |= t.words().matches(".*\\b(percent|percentage|pct)\\b.*");
                m.changeGrain |= t.words().matches(".*\\b(yoy|qoq|mom|wow|over)\\b.*");
                m.declining |= t.words().matches(".*\\b(declin|decreas|drop|fell|lost|los).*");
            }
            case VERSUS -> m.versus = true;
            case COUNT -> m.count = true;
            case WHICH -> m.which = true;
            case COMBINED -> m.combined = true;
            case RATIO -> {
                m.averageAt = t.words().matches("(on )?(average|averages|avg|mean)") && m.averageAt < 0 ? i : m.averageAt;
                m.ratio = true;
                m.ratioPosition = m.ratioPosition < 0 ? i : m.ratioPosition;
            }
            case LIST -> m.list = true;
            case PIVOT -> m.pivotAt = m.pivotAt < 0 ? i : m.pivotAt;
            case PERCENT -> m.percent = true;
            case SIDE -> m.sideBySide = true;
            case NEGATION, EXCEPT -> {
                negate = true;
                m.verbNegated |= t.words().matches("didn|haven|hasn|did not|have not|has not|do not|does not|not|never");
            }
            case STOP -> m.both |= t.words().equals("both");
            case GROUP -> {
                if (t.words().matches("split|splitting|split by|across|breakdown|break down|broken down by")) {
                    m.splitAt.add(i); // "how did my calls split across in person, virtual, phone and email"
                }
            }
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
