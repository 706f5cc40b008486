package io.nl2q.hub.semantic;

import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * "Average calls per rep", "average TRx per specialty by region": the measure for each member of a dimension (the
 * inner query, grouped by it and by the question's own groups), then its mean over those members for each group.
 * A table's members ("per HCP") need no inner query: the activity counts them (see {@link Ratios}).
 */
final class PerMemberAverage {
    private PerMemberAverage() {
    }

    static Compiled compile(AggregateSql single, SemanticModel model, Intent in, SqlDialect dialect) {
        if (in.grain() != null || in.shape() != Intent.Shape.AGGREGATE || in.metrics().size() != 1) {
            throw new Unanswerable("An average per " + in.per().describe() + " is computed for one measure over a "
                    + "period, not yet for a series, a share or a growth; ask for it without those.");
        }
        List<Intent.Target> inner = new ArrayList<>(in.groups());
        inner.add(in.per());
        Intent each = new Intent(Intent.Shape.AGGREGATE, in.metrics(), inner, null, in.filters(), in.period(), null,
                null, in.targets(), in.clauses(), null, List.of(), null);
        Compiled c = single.compile(each, dialect, false);
        Field m = in.metrics().get(0);
        Sql sql = new Sql(model, dialect, "");
        List<String> keys = Selection.of(in.groups(), model, sql).names;
        String name = m.name() + "_per_" + in.per().field().name();
        List<String> select = new ArrayList<>();
        keys.forEach(k -> select.add("s." + k));
        select.add("AVG(s." + m.name() + " * 1.0) AS " + name);
        String body = "SELECT " + String.join(", ", select) + " FROM (" + c.sql() + ") s"
                + (keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys.stream().map(k -> "s." + k).toList()));
        Intent.Rank rank = in.rank();
        if (!keys.isEmpty()) {
            boolean descending = rank == null || rank.descending();
            body += " ORDER BY " + name + (descending ? " DESC" : " ASC") + ", " + String.join(", ", keys);
        }
        if (rank != null && rank.limit() != null && !keys.isEmpty()) {
            body = sql.limit(body, rank.limit());
        }
        String text = c.explanation() + " Then the mean of " + m.name() + " over the " + in.per().describe() + " values"
                + (keys.isEmpty() ? "" : " for each " + String.join(", ", keys)) + ".";
        return new Compiled(body, text, keys.isEmpty() ? new Chart("number", null, name)
                : new Chart("bar", keys.get(0), name));
    }
}
