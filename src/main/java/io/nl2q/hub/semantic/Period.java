package io.nl2q.hub.semantic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A closed date range a question names, with how it was named; {@code unit} and {@code count} say how long it is, so
 * "growth last quarter" can compare it with the period of the same length before it.
 */
record Period(LocalDate from, LocalDate to, String label, ChronoUnit unit, int count) {

    Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + label);
        }
    }

    static Period of(LocalDate from, LocalDate to, String label) {
        return new Period(from, to, label, ChronoUnit.DAYS, (int) ChronoUnit.DAYS.between(from, to) + 1);
    }

    /** The period of the same length just before this one: the previous quarter, year, month or N weeks. */
    Period previous() {
        return switch (unit) {
            case WEEKS -> new Period(from.minusWeeks(count), from.minusDays(1), "the " + count
                    + " weeks before " + label, unit, count);
            case MONTHS, YEARS -> {
                LocalDate start = from.minus(count, unit);
                boolean whole = to.equals(from.plus(count, unit).minusDays(1));
                // a period to date compares with the same dates one period earlier, a whole one with the whole one
                LocalDate end = whole ? start.plus(count, unit).minusDays(1) : to.minus(count, unit);
                yield new Period(start, end, whole ? wholeLabel(start, unit, count) : "the same dates one "
                        + (unit == ChronoUnit.YEARS ? "year" : count + " months") + " before " + label, unit, count);
            }
            default -> {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                yield new Period(from.minusDays(days), from.minusDays(1), "the period before " + label, unit, count);
            }
        };
    }

    /** The same dates one year earlier ("YoY growth for Q3": Q3 of the year before). */
    Period yearEarlier() {
        boolean whole = unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS;
        LocalDate start = from.minusYears(1);
        LocalDate end = whole && to.equals(from.plus(count, unit).minusDays(1)) ? start.plus(count, unit).minusDays(1)
                : to.minusYears(1);
        return new Period(start, end, whole && end.equals(start.plus(count, unit).minusDays(1))
                ? wholeLabel(start, unit, count) : "the same dates a year before " + label, unit, count);
    }

    private static String wholeLabel(LocalDate start, ChronoUnit unit, int count) {
        if (unit == ChronoUnit.YEARS && count == 1) {
            return String.valueOf(start.getYear());
        }
        if (count == 3 && start.getMonthValue() % 3 == 1) {
            return TimeParser.quarter(start.getYear(), (start.getMonthValue() + 2) / 3).label();
        }
        return count == 1 ? TimeParser.month(start).label() : "the " + count + " months from " + start;
    }

    /** The name alone, as a row label: "Q3 2025" for "last quarter, Q3 2025". */
    String shortLabel() {
        int comma = label.lastIndexOf(", ");
        return comma < 0 ? label : label.substring(comma + 2);
    }

    /** How an explanation states it: the name and the exact dates. */
    String describe() {
        return label + " (" + from + " to " + to + ")";
    }

    Period span(Period other) {
        LocalDate start = from.isBefore(other.from) ? from : other.from;
        LocalDate end = to.isAfter(other.to) ? to : other.to;
        return Period.of(start, end, label + " to " + other.label);
    }

    Period withUnit(ChronoUnit newUnit, int newCount) {
        return new Period(from, to, label, newUnit, newCount);
    }
}
