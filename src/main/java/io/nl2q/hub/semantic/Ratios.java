package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Averages and ratios, read from "average", "avg", "mean", "ratio": one measure over another of the same activity
 * ("TRx per writer", "NRx to TRx ratio"), a measure over the members it is spread across ("calls per HCP": the
 * distinct members of the activity), or the mean of a summed column ("average call duration": AVG of it). Each is one
 * new measure over the activity's table, so filters, groups and periods apply as to any other.
 */
final class Ratios {
    private static final Pattern SUM = Pattern.compile("(?i)^SUM\\((.+)\\)$");

    private Ratios() {
    }

    /** {@code perMember} receives the dimension the measure is averaged over, when it is one ("per rep"). */
    static List<Field> of(SemanticModel model, Mentions m, List<Field> metrics, List<Intent.Target> groups,
                          TimeGrain perPeriod, Period period, List<Intent.Target> perMember) {
        if (perPeriod != null) {
            Field each = perPeriod(metrics, perPeriod, period, m.asOf);
            Mentions.Slot perValue = m.dimensions.stream().filter(s -> m.grouped.contains(s.position())
                    && s.position() > m.ratioPosition && s.position() < m.grainAt).findFirst().orElse(null);
            Intent.Target target = perValue == null ? null : new Intent.Target(null, perValue.candidates().get(0).field());
            if (target != null && target.field() != null && groups.remove(target)) {
                perMember.add(target); // "average calls per rep per month": each rep's monthly average, then their mean
            }
            return List.of(each);
        }
        if (metrics.size() == 2 && m.metricSlots.size() == 2 && m.averageAt >= 0
                && m.averageAt == m.metricSlots.get(1).position() - 1 && m.metricSlots.get(0).position() < m.averageAt - 1
                && meanOfRows(model, List.of(metrics.get(1)))) {
            // "number of calls and average duration by channel": the average is of the second measure only
            return List.of(metrics.get(0), mean(metrics.get(1)));
        }
        if (metrics.size() == 2 && metrics.get(0).table().equals(metrics.get(1).table()) && !m.share && !m.growth) {
            // "NRx to TRx ratio by quarter": one ratio of the two sums, for each period of a series too
            Field a = metrics.get(0);
            Field b = metrics.get(1);
            if (m.metricSlots.size() > 2) {
                // "writers of Tirosint ... average TRx per writer": the last two measures said are the ratio's
                Field x = m.metricSlots.get(m.metricSlots.size() - 2).candidates().get(0).field();
                Field y = m.metricSlots.get(m.metricSlots.size() - 1).candidates().get(0).field();
                if (x != y && metrics.contains(x) && metrics.contains(y)) {
                    a = x;
                    b = y;
                }
            }
            return List.of(derived(a, a.name() + "_per_" + b.name(), over(a.expr(), b.expr())));
        }
        if (meanOfRows(model, metrics) && !m.share && !m.growth) {
            // "average virtual call length by quarter": the mean of each call's own column, for each quarter
            return List.of(mean(metrics.get(0))); // also "mean call duration per territory": "per" groups it
        }
        if (m.grain != null || m.trend || m.share || m.growth) {
            throw new Unanswerable("An average over weeks or months, or beside a share, growth or trend, is not"
                    + " something I compute yet; ask for the total or the breakdown.");
        }
        if (metrics.size() != 1) {
            throw new Unanswerable("An average or ratio takes one measure over another of the same activity.");
        }
        Field f = metrics.get(0);
        ModelTable fact = model.tableOf(f);
        Mentions.Slot per = m.entities.stream().filter(s -> m.grouped.contains(s.position())
                && s.position() > m.ratioPosition).findFirst().orElse(null);
        Mentions.Slot perValue = m.dimensions.stream().filter(s -> m.grouped.contains(s.position())
                && s.position() > m.ratioPosition).findFirst().orElse(null);
        if (perValue != null && (per == null || perValue.position() < per.position())) {
            // "average calls per rep": the measure for each rep, then its mean over the reps
            Intent.Target target = new Intent.Target(null, perValue.candidates().get(0).field());
            if (target.field() != null && groups.remove(target)) {
                perMember.add(target);
                return metrics;
            }
        }
        if (per != null) {
            ModelTable members = per.candidates().get(0).table();
            String key = key(model, fact, members);
            if (key == null) {
                throw new Unanswerable("I cannot tell how " + fact.name() + " counts " + members.name() + ".");
            }
            groups.remove(new Intent.Target(members, null)); // the members are the denominator, not a grouping
            return List.of(derived(f, f.name() + "_per_" + members.name(), over(f.expr(), "COUNT(DISTINCT " + key + ")")));
        }
        if (!SUM.matcher(f.expr().strip()).matches()) {
            throw new Unanswerable("An average of " + f.spokenName() + " needs what it is per: say for example \""
                    + f.spokenName() + " per <member>\".");
        }
        return List.of(mean(f));
    }

    /** The mean of the column a SUM measure adds up ("average call duration": AVG of each call's minutes). */
    private static Field mean(Field f) {
        Matcher sum = SUM.matcher(f.expr().strip());
        if (!sum.matches()) {
            throw new IllegalArgumentException("not a sum: " + f.expr());
        }
        return derived(f, "avg_" + f.name(), "AVG(" + sum.group(1) + ")");
    }

    /**
     * "average weekly TRx over the last 13 weeks", "average monthly calls in 2024": the total over the number of
     * such periods the question's period holds; only when that number is whole (13 weeks, 12 months, 4 quarters).
     */
    private static Field perPeriod(List<Field> metrics, TimeGrain grain, Period period, java.time.LocalDate asOf) {
        if (metrics.size() != 1 || period == null) {
            throw new Unanswerable("An average per " + grain.name().toLowerCase(Locale.ROOT) + " needs one measure and"
                    + " the period it is taken over, for example \"average weekly " + metrics.get(0).spokenName()
                    + " over the last 13 weeks\".");
        }
        int months = period.unit() == ChronoUnit.YEARS ? 12 * period.count()
                : period.unit() == ChronoUnit.MONTHS ? period.count() : -1;
        int n = switch (grain) {
            case WEEK -> period.unit() == ChronoUnit.WEEKS ? period.count() : weeksEnding(period, asOf);
            case MONTH -> months;
            case QUARTER -> months > 0 && months % 3 == 0 ? months / 3 : -1;
            case YEAR -> months > 0 && months % 12 == 0 ? months / 12 : -1;
            default -> -1;
        };
        if (n <= 0) {
            throw new Unanswerable("I can average per " + grain.name().toLowerCase(Locale.ROOT) + " only over a whole"
                    + " number of them (for example the last 13 weeks, or a year by month); " + period.describe()
                    + " is not one.");
        }
        Field f = metrics.get(0);
        return derived(f, "avg_" + grain.name().toLowerCase(Locale.ROOT) + "ly_" + f.name(),
                "(" + f.expr() + ") * 1.0 / " + n);
    }

    /**
     * "average weekly TRx in 2025": the weeks of a year or a half are the data's weeks, each ending on the as-of
     * date's weekday (52 Fridays in 2025), counted up to the as-of date.
     */
    private static int weeksEnding(Period period, java.time.LocalDate asOf) {
        if (asOf == null || period.unit() != ChronoUnit.MONTHS && period.unit() != ChronoUnit.YEARS) {
            return -1;
        }
        java.time.LocalDate last = period.to().isAfter(asOf) ? asOf : period.to();
        java.time.LocalDate d = period.from().with(java.time.temporal.TemporalAdjusters.nextOrSame(asOf.getDayOfWeek()));
        int n = 0;
        for (; !d.isAfter(last); d = d.plusWeeks(1)) {
            n++;
        }
        return n;
    }

    /** One measure summing a column of an activity whose rows are events (each call has its duration). */
    static boolean meanOfRows(SemanticModel model, List<Field> metrics) {
        return metrics.size() == 1 && SUM.matcher(metrics.get(0).expr().strip()).matches()
                && model.tableOf(metrics.get(0)).rowCount().isPresent();
    }

    private static String over(String numerator, String denominator) {
        return "(" + numerator + ") * 1.0 / NULLIF(" + denominator + ", 0)";
    }

    /** The activity's column that joins to the members' table. */
    private static String key(SemanticModel model, ModelTable fact, ModelTable members) {
        for (Relationship r : model.relationships()) {
            if (r.leftTable().equals(fact.name()) && r.rightTable().equals(members.name()) && r.columns().size() == 1) {
                return r.columns().get(0).left();
            }
        }
        return null;
    }

    private static Field derived(Field from, String name, String expr) {
        return new Field(Field.Kind.METRIC, from.table(), name, List.of(), "", expr, "number", List.of(), false,
                Map.of(), null, null);
    }
}
