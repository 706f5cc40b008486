package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.util.List;

/**
 * What a question asks, in model terms, before any SQL: the shape, the measures, filters, the period(s), grouping,
 * ranking, and for member questions the activity clauses ("called in Q4 2024", "wrote no Tirosint").
 *
 * @param base the earlier period of a growth question; {@code period} is the later one
 * @param per  "average calls per rep": the measure is taken for each of these members, then averaged over them
 * @param options how the answer is given (percentages beside fractions, a ratio across two activities)
 */
record Intent(Shape shape, List<Field> metrics, List<Target> groups, TimeGrain grain, List<Filter> filters,
              Period period, Period base, Rank rank, List<Target> targets, List<Clause> clauses, Field partition,
              List<Field> segment, Threshold threshold, Target per, Pivot pivot, Options options) {

    /** PERIODS: two periods compared side by side, one row each, with no change computed (none was asked). */
    enum Shape { AGGREGATE, SHARE, GROWTH, PERIODS, COUNT, MEMBERS }

    Intent(Shape shape, List<Field> metrics, List<Target> groups, TimeGrain grain, List<Filter> filters,
           Period period, Period base, Rank rank, List<Target> targets, List<Clause> clauses, Field partition,
           List<Field> segment, Threshold threshold) {
        this(shape, metrics, groups, grain, filters, period, base, rank, targets, clauses, partition, segment,
                threshold, null, null, Options.NONE);
    }

    /**
     * "TRx by region, one column per channel": a column for each value of a dimension, or for each period of a grain
     * ("years across the top"); {@code field} null for periods.
     */
    record Pivot(Field field, List<String> values, List<Period> periods) {
    }

    Intent {
        metrics = List.copyOf(metrics);
        groups = List.copyOf(groups);
        filters = List.copyOf(filters);
        targets = List.copyOf(targets);
        clauses = List.copyOf(clauses);
    }

    /** A grouping or listing target: a whole table (by key and label) or one dimension. */
    record Target(ModelTable table, Field field) {
        String describe() {
            return field == null ? table.name() : field.spokenName();
        }

        ModelTable owner(SemanticModel model) {
            return field == null ? table : model.tableOf(field);
        }
    }

    /**
     * A dimension restricted to values (or a number, or numbers from {@code number} to {@code upTo}, which is
     * {@link Integer#MAX_VALUE} for "or more"), or a named model filter; negated for except/not.
     */
    record Filter(Field field, List<String> values, Integer number, boolean negated, Integer upTo) {
        Filter {
            values = List.copyOf(values);
        }

        Filter(Field field, List<String> values, Integer number, boolean negated) {
            this(field, values, number, negated, null);
        }

        /** "deciles 7 to 10", "decile 8 or more": a number range rather than one number. */
        boolean range() {
            return number != null && upTo != null && !upTo.equals(number);
        }
    }

    /**
     * Rows of a fact table that must exist, or for a negated clause must not, for a member to qualify; its own
     * period when the question gives each activity one, else the intent's period.
     */
    record Clause(ModelTable fact, boolean negated, List<Filter> filters, Period period) {
        Clause {
            filters = List.copyOf(filters);
        }
    }

    /**
     * "HCPs with over 40 TRx": only the groups whose measure passes {@code op number} (>, >=, <, <=) are kept; with
     * {@code count} they are counted, one number, else listed with their measure.
     */
    record Threshold(String op, long number, boolean count) {
        String describe() {
            return switch (op) {
                case ">" -> "more than ";
                case ">=" -> "at least ";
                case "<" -> "less than ";
                default -> "at most ";
            } + number;
        }
    }

    Intent withThreshold(Threshold t) {
        return new Intent(shape, metrics, groups, grain, filters, period, base, rank, targets, clauses, partition,
                segment, t, per, pivot, options);
    }

    /**
     * How the answer is given: {@code percent} ("as a %") adds each share and growth as a percentage beside the
     * fraction; {@code acrossRatio} ("TRx per call") adds the first measure over the second, of two activities.
     */
    record Options(boolean percent, boolean acrossRatio) {
        static final Options NONE = new Options(false, false);
    }

    boolean percent() {
        return options != null && options.percent();
    }

    /** Order by the (first) measure; {@code limit} null means all rows. */
    record Rank(Integer limit, boolean descending) {
    }
}
