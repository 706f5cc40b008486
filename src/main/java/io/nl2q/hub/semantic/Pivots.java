package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a question puts across as columns ("one column per channel", "years across the top", "a column each for 2023,
 * 2024 and 2025"): a dimension's values, those the question lists or else all of the tenant's, or the periods of a
 * grain or of a list. The rest of the grouping stays down the side, one row each.
 */
final class Pivots {
    private Pivots() {
    }

    /** "a column each for 2023, 2024 and 2025": periods listed after the column words, taken out of the question. */
    static List<Period> listedPeriods(Mentions m) {
        if (m.grain != null) {
            return List.of(); // "quarter of 2025 (columns Q1..Q4)": the grain's periods of the span are the columns
        }
        if (m.pivotAt >= 0 && m.periods.size() == 1 && m.periods.get(0).second() != null
                && !m.periods.get(0).comparison() && m.periods.get(0).first().unit() == m.periods.get(0).second().unit()
                && m.periods.get(0).first().count() == m.periods.get(0).second().count()) {
            // "columns Q1 to Q4 2025": each period of the range, of the size of its ends
            TimeParser.Span range = m.periods.get(0);
            List<Period> each = new ArrayList<>();
            for (Period p = range.first(); !p.from().isAfter(range.second().from()) && each.size() <= 24; p = next(p)) {
                each.add(p);
            }
            m.periods.set(0, new TimeParser.Span(range.start(), range.end(), range.first().span(range.second()), null));
            return each;
        }
        if (m.pivotAt < 0 || m.periods.size() < 2) {
            return List.of();
        }
        List<Period> listed = new ArrayList<>();
        for (TimeParser.Span s : m.periods) {
            listed.add(s.first());
            if (s.second() != null) {
                listed.add(s.second());
            }
        }
        listed.sort(java.util.Comparator.comparing(Period::from));
        TimeParser.Span first = m.periods.get(0);
        m.periods.clear();
        m.periods.add(new TimeParser.Span(first.start(), first.end(), listed.get(0).span(listed.get(listed.size() - 1)),
                null));
        return listed;
    }

    static Intent.Pivot of(Mentions m, SemanticModel model, Resolve resolve, ModelTable base, List<Intent.Target> groups,
                           List<Intent.Filter> filters, List<Period> listed, TimeGrain grain, Period period) {
        if (m.pivotAt < 0) {
            // "Flector and Licart TRx side by side, week by week", "Tirosint vs Synthroid NRx by quarter": the listed
            // members are set beside each other, a column each, the periods down the side
            List<Intent.Filter> listedMembers = filters.stream().filter(f -> !f.negated() && f.values().size() > 1
                    && f.values().size() <= 6).toList();
            boolean otherRows = grain != null || groups.stream().anyMatch(g -> listedMembers.size() == 1
                    && g.field() != listedMembers.get(0).field());
            boolean askedAsRows = listedMembers.size() == 1 && m.dimensions.stream().anyMatch(d -> m.grouped.contains(
                    d.position()) && d.candidates().stream().anyMatch(c -> c.field() == listedMembers.get(0).field()));
            askedAsRows |= listedMembers.size() == 1 && m.entities.stream().anyMatch(e -> m.grouped.contains(e.position())
                    && e.candidates().get(0).table().label().map(l -> l == listedMembers.get(0).field()).orElse(false));
            otherRows &= !askedAsRows || m.sideBySide; // "by market (Hypothyroidism vs Topical NSAID)": rows
            if ((m.sideBySide || m.versus && otherRows) && listedMembers.size() == 1 && !m.growth && !m.share
                    && m.periods.stream().noneMatch(p -> p.second() != null)) {
                Field f = listedMembers.get(0).field();
                groups.remove(new Intent.Target(null, f));
                return new Intent.Pivot(f, listedMembers.get(0).values(), List.of());
            }
            return null;
        }
        if (!listed.isEmpty()) {
            return new Intent.Pivot(null, List.of(), listed);
        }
        Field across = null;
        for (Mentions.Slot s : m.dimensions) {
            if (s.position() > m.pivotAt) {
                Field f = resolve.field(s, base, Meaning.Type.DIMENSION);
                if (f.kind() != Field.Kind.TIME_DIMENSION) {
                    across = f;
                    break;
                }
            }
        }
        for (Mentions.Slot s : m.entities) {
            if (across == null && s.position() > m.pivotAt) {
                across = s.candidates().get(0).table().label().orElse(null);
                groups.remove(new Intent.Target(s.candidates().get(0).table(), null));
            }
        }
        for (Mentions.Slot s : m.values) {
            // "one column per channel (In-Person, Virtual, Phone)": the listed values name the dimension
            Field f = s.candidates().get(0).field();
            if (across == null && s.position() > m.pivotAt && f != null && filters.stream().anyMatch(x -> x.field() == f
                    && !x.negated() && x.values().size() > 1)) {
                across = f;
            }
        }
        if (across == null) {
            // "Synthroid vs Tirosint monthly TRx, one column each": the members listed are the columns
            across = filters.stream().filter(f -> !f.negated() && f.values().size() > 1).map(Intent.Filter::field)
                    .findFirst().orElse(null);
        }
        if (across == null && grain != null && period != null) {
            return new Intent.Pivot(null, List.of(), periods(period, grain)); // "quarters across the top"
        }
        if (across == null) {
            throw new Unanswerable("I could not tell what goes across as columns: say for example \"one column per "
                    + "channel\" or \"years as columns\".");
        }
        groups.remove(new Intent.Target(null, across));
        final Field field = across;
        List<String> values = filters.stream().filter(f -> f.field() == field && !f.negated() && f.values().size() > 1)
                .findFirst().map(Intent.Filter::values).orElse(null);
        if (values == null) {
            values = m.indexedValues.get(field);
        }
        if (values == null || values.isEmpty() || values.size() > 20) {
            throw new Unanswerable("I need the values of " + field.spokenName() + " to make its columns: name them, for"
                    + " example \"" + field.spokenName() + " A vs B, a column each\".");
        }
        return new Intent.Pivot(field, values, List.of());
    }

    /** The period of the same size right after {@code p} (the quarter after Q1 2025 is Q2 2025). */
    private static Period next(Period p) {
        LocalDate from = p.to().plusDays(1);
        boolean year = p.unit() == java.time.temporal.ChronoUnit.YEARS;
        boolean quarter = p.unit() == java.time.temporal.ChronoUnit.MONTHS && p.count() == 3;
        boolean month = p.unit() == java.time.temporal.ChronoUnit.MONTHS && p.count() == 1;
        if (quarter || month) {
            return named(from, quarter ? TimeGrain.QUARTER : TimeGrain.MONTH);
        }
        return new Period(from, from.plus(p.count(), p.unit()).minusDays(1),
                year ? String.valueOf(from.getYear()) : p.label(), p.unit(), p.count());
    }

    /** The year, quarter or month starting on {@code d}, labelled as people say it (2025, Q1 2025, January 2025). */
    private static Period named(LocalDate d, TimeGrain grain) {
        return switch (grain) {
            case YEAR -> new Period(d, Periods.shift(d, grain, 1).minusDays(1), String.valueOf(d.getYear()),
                    java.time.temporal.ChronoUnit.YEARS, 1);
            case QUARTER -> TimeParser.quarter(d.getYear(), (d.getMonthValue() + 2) / 3);
            default -> TimeParser.month(d);
        };
    }

    /** The periods of the grain inside the span (the quarters of 2025, the years 2023 to 2025). */
    static List<Period> periods(Period span, TimeGrain grain) {
        if (grain == TimeGrain.DAY || grain == TimeGrain.WEEK) {
            throw new Unanswerable("Days or weeks as columns would be too many; ask for them as rows.");
        }
        List<Period> out = new ArrayList<>();
        for (LocalDate d = Periods.start(span.from(), grain); !d.isAfter(span.to()); d = Periods.shift(d, grain, 1)) {
            out.add(named(d, grain));
            if (out.size() > 24) {
                throw new Unanswerable("That many periods as columns would be too many; ask for them as rows.");
            }
        }
        return out;
    }
}
