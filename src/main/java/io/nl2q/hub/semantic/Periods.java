package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The period a question is about and, for growth, the earlier period it compares with. */
record Periods(Period period, Period base) {

    static Periods of(Mentions m, boolean comparing) {
        if (m.periods.isEmpty()) {
            if (comparing && m.growth) {
                throw new Unanswerable("Growth needs periods: say from when to when, for example \"from 2024 to 2025\""
                        + " or \"last quarter\".");
            }
            return new Periods(null, null);
        }
        TimeParser.Span first = m.periods.get(0);
        if (m.periods.size() > 2 || m.periods.size() == 2 && (first.second() != null || m.periods.get(1).second() != null)) {
            throw new Unanswerable("I found more periods than I can use in one question.");
        }
        Period a = first.first();
        Period b = first.second() != null ? first.second() : m.periods.size() == 2 ? m.periods.get(1).first() : null;
        if (b != null && comparing && a.from().equals(b.from()) && a.to().equals(b.to())) {
            b = a.previous(); // "L4W vs the prior 4 weeks": the same relative words twice mean the period before
        }
        if (b != null && comparing && b.from().isBefore(a.from())) {
            Period later = a; // "Q4 compared with Q3", "2025 over 2024": a change is told from the earlier period to the later one
            a = b;
            b = later;
        }
        if (!comparing) {
            if (b != null && m.periods.size() == 2 && contains(a, b)) {
                return new Periods(b, null); // "2025 YTD", "December 2025 (MTD)": the narrower restates the wider
            }
            if (b != null && m.periods.size() == 2 && contains(b, a)) {
                return new Periods(a, null);
            }
            if (b != null && m.periods.size() == 2) {
                throw new Unanswerable("Two separate periods: say \"between A and B\" for a range, or \"from A to B\""
                        + " for a change.");
            }
            return new Periods(b == null ? a : a.span(b), null);
        }
        if (b == null) {
            return m.growth ? new Periods(a, m.yearAgo ? a.yearEarlier() : a.previous()) : new Periods(a, null);
        }
        if (!a.to().isBefore(b.from()) && !b.to().isBefore(a.from())) {
            throw new Unanswerable("The two periods overlap (" + a.describe() + ", " + b.describe() + ").");
        }
        return new Periods(b, a);
    }

    /** The period holds more than one period of the grain (2025 holds twelve months; a week counts from its day). */
    static boolean longerThan(Period p, TimeGrain grain) {
        LocalDate from = grain == TimeGrain.WEEK ? p.from() : start(p.from(), grain);
        return !p.to().isBefore(shift(from, grain, 1));
    }

    /** The first day of the grain's period holding {@code d} (weeks from Monday, as the dialects truncate them). */
    static LocalDate start(LocalDate d, TimeGrain grain) {
        return switch (grain) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    /** {@code d} moved by {@code n} periods of the grain. */
    static LocalDate shift(LocalDate d, TimeGrain grain, int n) {
        return switch (grain) {
            case DAY -> d.plusDays(n);
            case WEEK -> d.plusWeeks(n);
            case MONTH -> d.plusMonths(n);
            case QUARTER -> d.plusMonths(3L * n);
            case YEAR -> d.plusYears(n);
        };
    }

    /** "2023 and 2024 combined": two periods summed are one period over both, when nothing lies between them. */
    static void combine(Mentions m) {
        if (!m.combined || m.growth || m.versus || m.grain != null || m.periods.stream().anyMatch(TimeParser.Span::versus)
                || m.periods.size() < 2 && m.periods.stream().noneMatch(TimeParser.Span::comparison)) {
            return; // "2023 through 2025" is one range already; "yearly ... combined" sums members per year
        }
        List<Period> listed = m.periods.stream().flatMap(s -> java.util.stream.Stream.of(s.first(), s.second()))
                .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparing(Period::from)).toList();
        if (listed.size() != 2) {
            return;
        }
        if (!listed.get(0).to().plusDays(1).equals(listed.get(1).from())) {
            throw new Unanswerable("I can sum one period or two that follow each other, not " + listed.get(0).describe()
                    + " and " + listed.get(1).describe() + " with a gap between them.");
        }
        TimeParser.Span first = m.periods.get(0);
        m.periods.clear();
        m.periods.add(new TimeParser.Span(first.start(), first.end(), listed.get(0).span(listed.get(1)), null));
    }

    private static boolean contains(Period outer, Period inner) {
        return !inner.from().isBefore(outer.from()) && !inner.to().isAfter(outer.to());
    }
}
