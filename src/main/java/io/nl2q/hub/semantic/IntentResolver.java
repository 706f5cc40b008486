package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns what a question mentions into one {@link Intent} over the model, or refuses when it would have to guess. */
final class IntentResolver {
    private final SemanticModel model;
    private final Resolve resolve;
    private final Rankings rankings;

    IntentResolver(SemanticModel model, JoinPlanner joins) {
        this.model = model;
        this.resolve = new Resolve(model, joins);
        this.rankings = new Rankings(model, resolve);
    }

    Intent resolve(Mentions m) {
        if (m.ratio && m.metrics.isEmpty() && !m.values.isEmpty()) {
            // "average phone calls per rep": the value names the activity ("phone calls"); its count is the measure
            ModelTable of = m.values.get(0).candidates().get(0).table();
            if (of.isFact()) {
                of.rowCount().ifPresent(m.metrics::add);
            }
        }
        if (m.threshold != null) {
            return Thresholds.intent(m, this::aggregate);
        }
        if (m.metrics.isEmpty() && (m.count || m.descending != null && !m.share && !m.growth
                && (MemberResolver.pluralValue(m) != null || countsMembers(m)))) {
            // "how many endocrinologists", "which region has the most endocrinologists": members are counted
            return new MemberResolver(model, resolve).resolve(m, Intent.Shape.COUNT);
        }
        if (m.namedFilters.size() > 1) {
            throw new Unanswerable("I can apply one named filter (" + m.namedFilters.get(0).candidates().get(0)
                    .describe() + ") at a time, not compare or combine several.");
        }
        if (namedMembers(m)) {
            return new MemberResolver(model, resolve).resolve(m, Intent.Shape.MEMBERS);
        }
        if (aboutMembers(m)) {
            return new MemberResolver(model, resolve).resolve(m, m.count ? Intent.Shape.COUNT : Intent.Shape.MEMBERS);
        }
        if (m.list && !m.metrics.isEmpty() && m.entities.isEmpty() && m.dimensions.isEmpty() && m.descending == null
                && !m.share && !m.growth) {
            // "list tier A targets": a list asked of a single figure; answering the figure answers another question
            throw new Unanswerable("I can list members (HCPs, payers, products...) or break "
                    + m.metrics.get(0).spokenName() + " down by something, not list a single figure.");
        }
        if (m.metrics.isEmpty() && !m.share && !m.growth && m.descending == null) {
            if (m.entities.isEmpty() && m.dimensions.isEmpty() && m.facts.isEmpty() && !m.list) {
                throw new Unanswerable("I could not tell what to compute: name a measure (for example "
                        + model.defaultMetric().spokenName() + ") or what to list.");
            }
            return new MemberResolver(model, resolve).resolve(m, Intent.Shape.MEMBERS);
        }
        return aggregate(m);
    }

    /**
     * "which territory has the most HCPs": members named after the ranking word, beside another grouping, are
     * counted; they move to the front so they are what is counted.
     */
    private static boolean countsMembers(Mentions m) {
        if (m.entities.size() + m.dimensions.size() < 2) {
            return false;
        }
        for (Mentions.Slot s : m.entities) {
            if (s.position() > m.rankPosition && !s.singular()) {
                m.entities.remove(s);
                m.entities.add(0, s);
                return true;
            }
        }
        return false;
    }

    /**
     * "HCPs called in Q4 who wrote no Tirosint", "Tirosint writers not called": an activity is negated, or two
     * activities are combined, with nothing ranked, shared or trended; that asks for members, not a measure.
     */
    private boolean aboutMembers(Mentions m) {
        if (m.metrics.isEmpty() || m.descending != null || m.share || m.growth || m.trend || m.grain != null
                || !m.dimensions.isEmpty()) {
            return false;
        }
        int firstEntity = m.entities.stream().filter(e -> !m.grouped.contains(e.position()))
                .mapToInt(Mentions.Slot::position).min().orElse(Integer.MAX_VALUE);
        if (m.metricSlots.stream().anyMatch(s -> s.position() < firstEntity) && firstEntity < Integer.MAX_VALUE) {
            return false; // "Tirosint TRx from HCPs not called": a measure restricted by an activity, not a list
        }
        boolean negated = m.metricSlots.stream().anyMatch(Mentions.Slot::negated)
                || m.facts.stream().anyMatch(Mentions.Slot::negated);
        // "HCPs with calls but no Flector scripts": members first, then activities of two tables
        int firstMetric = m.metricSlots.stream().mapToInt(Mentions.Slot::position).min().orElse(Integer.MAX_VALUE);
        boolean membersFirst = m.entities.stream().anyMatch(e -> !m.grouped.contains(e.position())
                && e.position() < firstMetric);
        boolean twoTables = m.metrics.stream().map(model::tableOf).distinct().count() > 1;
        // "territories with no Licart TRx in December": members without the activity, never the others' measure
        // (only of a measure every row carries, so "no rows" means none of it: TRx, calls; NRx may be 0 on a row)
        Mentions.Slot noneOf = m.values.stream().filter(Mentions.Slot::negated).flatMap(v -> m.metricSlots.stream()
                .filter(s -> s.position() == v.position() + 1)).findFirst().orElse(null);
        boolean noneOfIt = noneOf != null && rowsCarry(noneOf);
        if (membersFirst && noneOf != null && !noneOfIt) {
            throw new Unanswerable("Members with none of " + noneOf.candidates().get(0).field().spokenName()
                    + " (its rows can hold 0) is not something I compute yet; ask for "
                    + noneOf.candidates().get(0).field().spokenName() + " by member instead.");
        }
        if (membersFirst && (twoTables || noneOfIt
                || m.values.stream().anyMatch(Mentions.Slot::negated) && !m.facts.isEmpty())) {
            return true;
        }
        ModelTable metricTable = model.tableOf(m.metrics.get(0));
        // an activity named by its verb ("called") beside another one's measure; two measures alone stay measures
        boolean otherActivity = m.facts.stream().anyMatch(s -> s.candidates().get(0).table() != metricTable);
        return negated || otherActivity;
    }

    private boolean rowsCarry(Mentions.Slot metric) {
        Field f = metric.candidates().get(0).field();
        return f == model.defaultMetric() || f != null && f.counts(false);
    }

    private Intent aggregate(Mentions m) {
        rankings.rankCountedMembers(m);
        Rankings.rankByActivity(m);
        List<Field> metrics = m.metrics.isEmpty() ? List.of(model.defaultMetric()) : m.metrics;
        ModelTable base = model.tableOf(metrics.get(0));
        List<ModelTable> facts = metrics.stream().map(model::tableOf).distinct().toList();
        if (m.metricSlots.stream().anyMatch(Mentions.Slot::negated)) {
            throw new Unanswerable("A measure cannot be negated; say which members or activities to leave out.");
        }
        Restriction restriction = Restriction.of(m, base, facts.size(), model, resolve);
        TimeGrain grain = m.grain != null ? m.grain : m.trend ? TimeGrain.MONTH : null;
        List<Intent.Target> groups = new ArrayList<>();
        // "MoM growth in 2025", "monthly growth over the last 6 months", "QoQ growth trend": a change for each period
        // of the span over the one before it (a series), never the whole span against the one before it
        // "QoQ change per quarter across 2024 and 2025", "calls per year 2023-2025 with the change": the periods
        // listed or ranged are one span of the series
        TimeParser.Span only = m.periods.size() == 1 ? m.periods.get(0) : null;
        Period spanned = only == null ? null : only.second() == null ? only.first()
                : only.versus() ? null : only.first().span(only.second());
        boolean series = m.growth && grain != null && !m.versus && !m.share && (spanned != null
                && (only.second() == null || m.grainGrouped) && Periods.longerThan(spanned, grain)
                || m.periods.isEmpty() && (m.trend || m.grainGrouped));
        m.dimensions.stream().filter(s -> m.growth && m.metrics.isEmpty() && !m.grouped.contains(s.position())
                && Stream.concat(m.values.stream(), m.numericFilters.stream()).noneMatch(v -> s.candidates().stream()
                .anyMatch(d -> d.field() != null && d.field() == v.candidates().get(0).field()))).findFirst()
                .ifPresent(s -> {
                    // "how did Tirosint's formulary status change": an attribute's change, never a measure's growth
                    throw new Unanswerable("\"" + s.candidates().get(0).describe() + "\" is an attribute, not a measure:"
                            + " how it changed is not something I compute; ask for a measure's growth, or for the "
                            + "attribute itself.");
                });
        if (m.growth && m.grainGrouped && m.changeGrainOf != null && grain != null && m.changeGrainOf != grain) {
            // "YoY growth by quarter": each quarter over the same quarter a year before, not over the quarter before
            throw new Unanswerable("The growth of each " + grain.name().toLowerCase(java.util.Locale.ROOT) + " over the"
                    + " same " + grain.name().toLowerCase(java.util.Locale.ROOT) + " a year before is not something I "
                    + "compute yet; ask for one " + grain.name().toLowerCase(java.util.Locale.ROOT) + " against the same"
                    + " one a year before, or for the growth of each over the one before it.");
        }
        if (series && only != null && only.second() != null) {
            m.periods.set(0, new TimeParser.Span(only.start(), only.end(), spanned, null));
        }
        if (!m.growth && !m.versus && grain != null && only != null && only.second() != null && !only.versus()
                && m.grainGrouped) {
            // "Flector NRx by quarter for 2024 and 2025": a series over both periods, not two periods compared
            m.periods.set(0, new TimeParser.Span(only.start(), only.end(), only.first().span(only.second()), null));
        }
        if (m.growth && m.changeGrain && !m.periods.isEmpty() && !series) {
            m.yearAgo = grain == TimeGrain.YEAR;
            grain = null; // "Q4 2025 vs Q4 2024 (YoY)", "YoY growth for 2025": the periods are given, YoY names the change
        }
        for (Mentions.Slot s : m.dimensions) {
            Field f = resolve.field(s, base, Meaning.Type.DIMENSION);
            if (m.anyOf.contains(s.position())) {
                continue; // "any channel": every channel, one total
            }
            if (f.kind() == Field.Kind.TIME_DIMENSION) {
                grain = grain == null ? TimeGrain.WEEK : grain;
            } else if (onlyQualifies(m, s) || m.actors.contains(s.position()) && !m.grouped.contains(s.position())) {
                continue; // "the Denver rep", "minutes the reps logged": whose activity, not a grouping
            } else if (m.list && model.tableOf(f).label().map(l -> l == f).orElse(false)) {
                // "list the targets with their names": names are not unique; list the members, with their names
                addGroup(groups, new Intent.Target(model.tableOf(f), null));
            } else {
                addGroup(groups, new Intent.Target(null, f));
            }
        }
        for (Mentions.Slot s : m.entities) {
            ModelTable t = s.candidates().get(0).table();
            if (!resolve.reaches(base, s.candidates().get(0))) {
                throw new Unanswerable("The model has no join from " + base.name() + " to " + t.name() + ".");
            }
            if (m.anyOf.contains(s.position()) || m.ofOwner.contains(s.position())) {
                continue; // "(all products)": every product, one total; "specialty of the HCP": whose specialty
            }
            if (!m.grouped.contains(s.position()) && (metrics.stream().anyMatch(f -> resolve.countedEntity(f) == t)
                    || m.allOf.contains(t) || namesDimension(m, s) || m.actors.contains(s.position()))
                    || onlyQualifies(m, s)) {
                continue; // "how many HCPs did we reach": the measure counts them; "Commercial payers": which ones
            }
            addGroup(groups, new Intent.Target(t, null));
        }
        List<Intent.Filter> filters = new ArrayList<>(resolve.filters(m.values, base));
        filters.addAll(resolve.namedAndNumeric(m, base));
        for (ModelTable other : facts) {
            // each activity's measure is aggregated on its own (see MultiFactSql): all of it must apply to each
            Stream.concat(filters.stream().map(f -> model.tableOf(f.field())), groups.stream().map(g -> g.owner(model)))
                    .filter(t -> !resolve.reaches(other, new Meaning(Meaning.Type.TABLE, t, null, null, null, false)))
                    .findFirst().ifPresent(t -> {
                        throw new Unanswerable(t.name() + " applies to " + base.name() + " but not to " + other.name()
                                + ", so the measures cannot be set side by side; ask for them separately.");
                    });
        }
        contradiction(filters);
        if (m.which && !groups.isEmpty() && m.verbNegated && filters.stream().anyMatch(f -> f.negated()
                && model.tableOf(f.field()) == base)) {
            throw new Unanswerable("Listing who had none of an activity is something I do for members with a table of "
                    + "their own (HCPs, territories, payers); ask, for example, for the territories with no such calls.");
        }
        for (Intent.Filter f : filters) {
            if (!f.negated() && !f.values().isEmpty() && m.allOf.contains(model.tableOf(f.field()))) {
                throw new Unanswerable("I read \"all " + model.tableOf(f.field()).name() + "\" and " + f.field()
                        .spokenName() + " " + String.join(", ", f.values()) + " in one question; say which measure "
                        + "each applies to, or ask for them separately.");
            }
        }
        List<Field> segment = SegmentShare.of(m, filters);
        // "Tirosint share of hypothyroid TRx among endocrinologists": a member with a market share named before the
        // share is its subject, so what follows the whole only restricts it
        boolean subjectBefore = m.values.stream().anyMatch(v -> !v.negated() && v.position() < m.shareOfWhole
                && v.candidates().get(0).field() != null && v.candidates().get(0).field().shareWithin() != null);
        if (m.share && m.shareOfWhole >= 0 && segment.isEmpty() && !subjectBefore) {
            Mentions.Slot whole = m.values.stream().filter(v -> v.position() == m.shareOfWhole).findFirst().orElse(null);
            ModelTable wholeTable = whole == null ? null : whole.candidates().get(0).table();
            // "share of Tirosint TRx from Commercial payers", "fraction of Flector TRx written by decile 8-10": the
            // segment's part of the member's own measure, never the member's share of its market within the segment
            List<Mentions.Slot> parts = Stream.concat(m.values.stream(), m.numericFilters.stream())
                    .filter(v -> !v.negated() && v.position() > m.shareOfWhole
                            && v.candidates().get(0).table() != wholeTable).toList();
            if (!parts.isEmpty()) {
                m.segment.addAll(parts);
                segment = SegmentShare.of(m, filters);
            }
        }
        if (m.share && m.shareAndMeasure) {
            throw new Unanswerable("I compute a share or a measure in one answer, not both; ask for the share and "
                    + "for the measure separately.");
        }
        for (Intent.Filter f : filters) {
            // "distinct rheumatologists and pain docs reached": a distinct count of the members the values describe
            // counts them once, as one number, not a row for each value
            boolean countsThem = !metrics.isEmpty() && metrics.stream().allMatch(x -> resolve.countedEntity(x)
                    == model.tableOf(f.field()));
            if (!f.negated() && f.values().size() > 1 && !m.share && !m.combined && !countsThem
                    && !restrictsMeasure(m, f)) {
                addGroup(groups, new Intent.Target(null, f.field()));
            }
        }
        TimeGrain perPeriod = null;
        if (m.ratio && grain != null && !m.trend && !m.growth && metrics.size() != 2
                && !(m.grainBy && Ratios.meanOfRows(model, metrics))) {
            perPeriod = grain; // "average weekly TRx over the last 13 weeks": per week of the period, not a series
            grain = null;
        }
        if (m.growth && m.periods.isEmpty() && grain != null && !series) {
            // "YoY growth", "QoQ growth": the current period against the one before it
            m.periods.add(new TimeParser.Span(0, 0, RelativePeriods.current(grain, m.asOf), null));
            grain = null;
        }
        List<Period> listedAcross = Pivots.listedPeriods(m);
        Periods.combine(m);
        Periods periods = Periods.of(m, !series && m.growth || m.periods.stream().anyMatch(TimeParser.Span::comparison)
                || m.versus && (m.periods.size() == 2 || m.periods.stream().anyMatch(p -> p.second() != null)));
        List<Intent.Target> perMember = new ArrayList<>(1);
        List<Field> measures = m.ratio ? Ratios.of(model, m, metrics, groups, perPeriod, periods.period(), perMember)
                : metrics;
        // "Q3 2025 vs Q3 2024" with no change word: the two periods side by side, never an unasked growth
        Intent.Shape shape = periods.base() != null ? (m.growth || m.share || m.descending != null || grain != null
                ? Intent.Shape.GROWTH : Intent.Shape.PERIODS) : m.share ? Intent.Shape.SHARE : Intent.Shape.AGGREGATE;
        shape = series ? Intent.Shape.GROWTH : shape; // a GROWTH with a grain and no base: each period over the one before
        if (m.share && periods.base() != null) {
            // never the growth of the measure in place of the share it was asked of
            throw new Unanswerable("A share in two periods, or its change, is not something I compute yet; ask for the"
                    + " share in each period (for example \"Tirosint market share in " + periods.base().describe()
                    + "\").");
        }
        Field partition = shape == Intent.Shape.SHARE && segment.isEmpty() ? new SharePartition(model, resolve).of(m, base, filters, groups)
                : null;
        if (shape == Intent.Shape.SHARE && m.versus) {
            for (Intent.Filter f : filters) {
                if (f.negated() || f.values().size() < 2) {
                    continue;
                }
                if (model.tableOf(f.field()) == model.tableOf(partition)) {
                    // "A vs B share": one share each, never one share of A and B merged
                    throw new Unanswerable("I compute one share at a time: ask for the " + partition.spokenName()
                            + " share of each of " + String.join(", ", f.values()) + ", or for the share by "
                            + f.field().spokenName() + ".");
                }
                addGroup(groups, new Intent.Target(null, f.field())); // "share in Commercial vs Medicaid": one each
            }
        }
        if (m.count && !m.entities.isEmpty() && m.values.stream().anyMatch(Mentions.Slot::negated)) {
            // "count of territories with no Licart calls" asks for members without an activity, not other activity
            String who = m.entities.get(0).candidates().get(0).describe();
            throw new Unanswerable("Counting " + who + " without an activity is not something I compute yet; ask"
                    + " for the list of " + who + " without it instead.");
        }
        Intent.Pivot pivot = Pivots.of(m, model, resolve, base, groups, filters, listedAcross, grain, periods.period());
        if (pivot != null && pivot.field() == null) {
            grain = null; // the periods are columns now, not rows
        }
        Intent.Rank rank = rankings.rank(m, groups, grain);
        if (!restriction.clauses().isEmpty() && m.versus) {
            // "HCPs called vs not called": two groups of members compared, which one restriction cannot express
            throw new Unanswerable("Comparing members with and without an activity is not something I compute yet; "
                    + "ask for each group separately.");
        }
        if (!restriction.clauses().isEmpty() && (shape == Intent.Shape.GROWTH || shape == Intent.Shape.PERIODS)) {
            throw new Unanswerable("Growth restricted by another activity is not something I compute yet.");
        }
        return new Intent(shape, measures, groups, grain, filters, periods.period(), periods.base(), rank,
                restriction.member(), restriction.clauses(), partition, segment, null,
                perMember.isEmpty() ? null : perMember.get(0), pivot, new Intent.Options(m.percent, m.acrossRatio));
    }

    /**
     * "list the tier A targets with their names": a distinct-count measure listed with its members' names asks for
     * the members, so the measure becomes the activity they have and the names the members themselves.
     */
    private boolean namedMembers(Mentions m) {
        if (!m.list || m.metrics.size() != 1 || m.descending != null || m.share || m.growth) {
            return false;
        }
        ModelTable counted = resolve.countedEntity(m.metrics.get(0));
        Field label = counted == null ? null : counted.label().orElse(null);
        if (label == null || !m.dimensions.stream().allMatch(d -> d.candidates().stream()
                .anyMatch(c -> c.field() == label))) {
            return false;
        }
        Mentions.Slot measure = m.metricSlots.get(0);
        m.dimensions.clear();
        m.metrics.clear();
        m.metricSlots.clear();
        m.entities.add(0, new Mentions.Slot(measure.position(), List.of(new Meaning(Meaning.Type.TABLE, counted, null,
                null, null, false)), false, false, null));
        m.facts.add(new Mentions.Slot(measure.position(), List.of(new Meaning(Meaning.Type.TABLE,
                model.tableOf(measure.candidates().get(0).field()), null, null, null, false)), false, false, null));
        return true;
    }

    /**
     * A table or dimension named beside a value ("Commercial payers", "decile 10 HCPs", "the Denver rep") only says
     * whose rows are meant, unless the question groups by it, ranks, lists or asks "which"; in a count question
     * any table or dimension named without by/per/each is so.
     */
    private static boolean onlyQualifies(Mentions m, Mentions.Slot s) {
        if (m.pivotAt >= 0 && s.position() < m.pivotAt && !m.count) {
            return false; // "Midwest reps, calls with the months as columns": the reps are the rows
        }
        // "how many HCPs did reps reach": a count asks for one number; only by/per/each would split it
        // "what share of Tirosint TRx came from Commercial payers": the table beside the segment only qualifies it
        // "what fraction of Flector TRx was written by decile 8-10 HCPs": the HCPs only qualify the decile range
        boolean afterRange = m.share && m.numericFilters.stream().anyMatch(n -> s.position() > n.position()
                && s.position() <= n.position() + 4 && n.candidates().get(0).table() == s.candidates().get(0).table());
        return (m.qualified.contains(s.position()) || m.count || afterRange) && !m.grouped.contains(s.position())
                && m.descending == null && !m.list && (!m.which || !m.segment.isEmpty() || afterRange);
    }

    /**
     * "Flector TRx from surgeons in Dallas, Houston and Austin": members listed after the measure, with nothing
     * compared, say whose activity is summed; listed before it ("Dallas and Austin TRx") or compared, each is a row.
     */
    private static boolean restrictsMeasure(Mentions m, Intent.Filter f) {
        int firstMetric = m.metricSlots.stream().mapToInt(Mentions.Slot::position).min().orElse(Integer.MAX_VALUE);
        int firstValue = m.values.stream().filter(v -> v.candidates().stream().anyMatch(c -> c.field() == f.field()))
                .mapToInt(Mentions.Slot::position).min().orElse(-1);
        if (m.splitAt.stream().anyMatch(s -> s < firstValue)) {
            return false; // "split across in person, virtual and phone": the values are the split
        }
        return !m.versus && firstMetric < Integer.MAX_VALUE && m.values.stream()
                .filter(v -> v.candidates().stream().anyMatch(c -> c.field() == f.field()))
                .allMatch(v -> v.position() > firstMetric);
    }

    /** "HCP specialties", "payer channels": the table only says whose dimension is meant. */
    private static boolean namesDimension(Mentions m, Mentions.Slot s) {
        ModelTable t = s.candidates().get(0).table();
        return m.dimensions.stream().anyMatch(d -> d.position() == s.position() + 1
                && d.candidates().stream().anyMatch(c -> c.table() == t));
    }

    /** "excluding generics (manufacturer Generic)": one field kept and left out at once answers nothing. */
    private static void contradiction(List<Intent.Filter> filters) {
        for (Intent.Filter a : filters) {
            for (Intent.Filter b : filters) {
                if (a.field() == b.field() && a.negated() != b.negated() && a.values().stream()
                        .anyMatch(b.values()::contains)) {
                    throw new Unanswerable("I read " + a.field().spokenName() + " " + String.join(", ", a.values())
                            + " both kept and left out; say which one you mean.");
                }
            }
        }
    }

    private static void addGroup(List<Intent.Target> groups, Intent.Target t) {
        if (!groups.contains(t)) {
            groups.add(t);
        }
    }
}
