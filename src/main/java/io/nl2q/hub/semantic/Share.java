package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A share of a measure within a partition (a product's TRx over its market's TRx, same period and other filters).
 * With a subject filter ("Tirosint share") the numerator counts the subject's rows and the rows are restricted to the
 * subject's partition; when the rows are broken down by the subject's own table, a window over the partition is used.
 */
final class Share {
    private final SemanticModel model;
    private final Sql sql;
    private final Intent in;
    private final ModelTable owner;
    private final List<Intent.Filter> subject = new ArrayList<>();
    private final boolean windowed;

    Share(SemanticModel model, Sql sql, Intent in) {
        this.model = model;
        this.sql = sql;
        this.in = in;
        this.owner = in.partition() == null ? null : model.tableOf(in.partition());
        // a distinct count does not add up over a partition (one HCP targeted for two products counts in both), so
        // its "share" is no share of a whole; and "tier A share of Tirosint targets" would be read as a market share
        in.metrics().stream().filter(m -> m.expr().toUpperCase(java.util.Locale.ROOT).replace(" ", "")
                .contains("COUNT(DISTINCT")).findFirst().ifPresent(m -> {
                    throw new Unanswerable("I cannot compute a share of " + m.name()
                            + ": a distinct count does not add up over its parts.");
                });
        in.filters().stream().filter(this::isSubject).forEach(subject::add);
        this.windowed = owner != null && in.groups().stream().anyMatch(g -> g.owner(model) == owner && g.field() != in.partition());
        if (windowed) {
            for (Intent.Filter f : subject) {
                boolean shown = in.groups().stream().anyMatch(g -> g.field() == f.field()
                        || g.table() == owner && owner.label().orElse(null) == f.field());
                if (!shown) {
                    throw new Unanswerable("I can break a share down by " + owner.name() + " or restrict it to "
                            + Sql.describe(f) + ", not both at once.");
                }
            }
        }
    }

    boolean isSubject(Intent.Filter f) {
        if (owner == null) {
            return !f.negated() && in.segment().contains(f.field()); // a segment's part of all rows
        }
        return !f.negated() && f.field() != in.partition() && model.tableOf(f.field()) == owner;
    }

    boolean windowed() {
        return windowed;
    }

    String measure(Field metric) {
        String col = sql.column(metric);
        if (windowed) {
            List<String> over = new ArrayList<>(List.of(sql.column(in.partition())));
            in.groups().stream().filter(g -> g.owner(model) != owner).forEach(g -> over.addAll(
                    Selection.of(List.of(g), model, sql).exprs));
            if (in.grain() != null) {
                over.add(sql.dialect().dateTrunc(in.grain(), sql.column(model.tableOf(metric).timeDimension()
                        .orElseThrow())));
            }
            return col + " * 1.0 / NULLIF(SUM(" + col + ") OVER (PARTITION BY " + String.join(", ", over) + "), 0)";
        }
        String condition = subject.stream().map(sql::condition).collect(Collectors.joining(" AND "));
        return Aggregates.when(col, condition) + " * 1.0 / NULLIF(" + col + ", 0)";
    }

    /** Rows limited to the subject's partition (its market), unless the question already names the partition. */
    Optional<String> restriction() {
        if (owner == null) {
            return Optional.empty();
        }
        boolean named = in.filters().stream().anyMatch(f -> f.field() == in.partition());
        if (windowed || named || subject.isEmpty()) {
            return Optional.empty();
        }
        Sql inner = new Sql(model, sql.dialect(), "s_");
        String where = subject.stream().map(inner::condition).collect(Collectors.joining(" AND "));
        return Optional.of(sql.column(in.partition()) + " IN (SELECT " + inner.column(in.partition()) + " FROM "
                + inner.physical(owner.name()) + " " + inner.alias(owner.name()) + " WHERE " + where + ")");
    }

    /** In window mode the subject filters apply after the shares are computed, to the rows shown. */
    String outerFilter() {
        if (subject.isEmpty()) {
            return null;
        }
        Sql outer = new Sql(model, sql.dialect(), "");
        return subject.stream().map(f -> {
            // the shown column carries the filtered field under its own name (see Selection)
            return outer.condition(f).replace(outer.column(f.field()), "s." + f.field().name());
        }).collect(Collectors.joining(" AND "));
    }

    String describe() {
        if (owner == null) {
            return "share of " + subject.stream().map(Sql::describe).collect(Collectors.joining(" and "))
                    + " (its measure over the measure of all rows, same period and other filters)";
        }
        String of = subject.isEmpty() ? "each " + in.groups().stream().filter(g -> g.owner(model) == owner)
                .map(Intent.Target::describe).collect(Collectors.joining(", "))
                : subject.stream().map(Sql::describe).collect(Collectors.joining(" and "));
        return "share of " + of + " within its " + in.partition().name()
                + " (its measure over the measure of all " + owner.name() + " rows of the same "
                + in.partition().name() + ", same period and other filters)";
    }
}
