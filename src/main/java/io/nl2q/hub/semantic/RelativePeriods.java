package io.nl2q.hub.semantic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods named relative to the as-of date, as warehouse-schema.md fixes them: last N weeks = the N latest weeks;
 * this year / YTD = the as-of year up to the as-of date; last year / last quarter = the calendar one before;
 * last N months (quarters, years) = the N calendar ones ending with the as-of date's.
 */
final class RelativePeriods {
    private static final Pattern LAST_N = Pattern.compile(
            "(?:last|past|previous|prior|trailing|recent|latest|most recent) (\\d+) (week|month|quarter|year)s?");
    private static final Pattern LAST = Pattern.compile("(last|latest|most recent|past|previous|prior) (week|month|quarter|year)");
    private static final Pattern THIS = Pattern.compile("(?:this|current) (week|month|quarter|year)(?: to date)?");

    private RelativePeriods() {
    }

    static Period resolve(String p, LocalDate asOf) {
        Matcher m;
        if ((m = LAST_N.matcher(p)).matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > 520) {
                throw new IllegalArgumentException("unsupported period length " + n);
            }
            return lastN(n, m.group(2), asOf);
        }
        if ((m = LAST.matcher(p)).matches()) {
            String unit = m.group(2);
            if (unit.equals("week") || m.group(1).equals("latest") || m.group(1).equals("most recent")) {
                return unit.equals("week") ? lastN(1, unit, asOf) : current(unit, asOf);
            }
            Period before = switch (unit) {
                case "quarter" -> TimeParser.quarter(asOf.getYear(), TimeParser.quarterOf(asOf)).previous();
                case "month" -> TimeParser.month(asOf.withDayOfMonth(1).minusMonths(1));
                default -> new Period(LocalDate.of(asOf.getYear() - 1, 1, 1), LocalDate.of(asOf.getYear() - 1, 12, 31),
                        "", ChronoUnit.YEARS, 1);
            };
            return new Period(before.from(), before.to(), "last " + unit + ", " + label(unit, before.from()),
                    before.unit(), before.count());
        }
        if ((m = THIS.matcher(p)).matches()) {
            return current(m.group(1), asOf);
        }
        return switch (p) {
            case "ytd", "year to date" -> Period.of(asOf.withDayOfYear(1), asOf, "year to date " + asOf.getYear())
                    .withUnit(ChronoUnit.YEARS, 1);
            case "qtd", "quarter to date" -> current("quarter", asOf);
            case "mtd", "month to date" -> current("month", asOf);
            default -> throw new IllegalArgumentException("not a period: " + p);
        };
    }

    private static Period lastN(int n, String unit, LocalDate asOf) {
        String label = "the last " + n + " " + unit + (n == 1 ? "" : "s");
        return switch (unit) {
            case "week" -> new Period(asOf.minusWeeks(n).plusDays(1), asOf, label, ChronoUnit.WEEKS, n);
            case "month" -> new Period(asOf.withDayOfMonth(1).minusMonths(n - 1L), asOf, label, ChronoUnit.MONTHS, n);
            case "quarter" -> new Period(TimeParser.quarter(asOf.getYear(), TimeParser.quarterOf(asOf)).from()
                    .minusMonths(3L * (n - 1)), asOf, label, ChronoUnit.MONTHS, 3 * n);
            default -> new Period(asOf.withDayOfYear(1).minusYears(n - 1L), asOf, label, ChronoUnit.YEARS, n);
        };
    }

    static Period current(io.nl2q.hub.warehouse.SqlDialect.TimeGrain grain, LocalDate asOf) {
        return current(grain.name().toLowerCase(java.util.Locale.ROOT), asOf);
    }

    private static Period current(String unit, LocalDate asOf) {
        return switch (unit) {
            case "week" -> lastN(1, "week", asOf);
            case "month" -> {
                Period m = TimeParser.month(asOf.withDayOfMonth(1));
                yield new Period(m.from(), m.to(), "this month, " + m.label(), ChronoUnit.MONTHS, 1);
            }
            case "quarter" -> {
                Period q = TimeParser.quarter(asOf.getYear(), TimeParser.quarterOf(asOf));
                yield new Period(q.from(), q.to(), "this quarter, " + q.label(), ChronoUnit.MONTHS, 3);
            }
            default -> new Period(asOf.withDayOfYear(1), asOf, "this year, " + asOf.getYear(), ChronoUnit.YEARS, 1);
        };
    }

    private static String label(String unit, LocalDate from) {
        return switch (unit) {
            case "quarter" -> "Q" + TimeParser.quarterOf(from) + " " + from.getYear();
            case "month" -> TimeParser.month(from).label();
            default -> String.valueOf(from.getYear());
        };
    }
}
