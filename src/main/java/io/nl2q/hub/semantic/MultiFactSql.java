package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures of two activities in one answer ("TRx and calls by territory"). Joining both fact tables in one
 * aggregate would multiply each by the other's rows (fan-out), so each is aggregated in its own CTE over the same
 * grouping, and the CTEs are joined on the grouping columns.
 */
final class MultiFactSql {
    private final SemanticModel model;
    private final AggregateSql single;

    MultiFactSql(SemanticModel model, AggregateSql single) {
        this.model = model;
        this.single = single;
    }

    Compiled compile(Intent in, SqlDialect dialect) {
        if (in.shape() != Intent.Shape.AGGREGATE || !in.clauses().isEmpty()) {
            throw new Unanswerable("Shares and growth of measures from different activities are not combined in one"
                    + " answer; ask for them separately.");
        }
        Map<ModelTable, List<Field>> byFact = new LinkedHashMap<>();
        in.metrics().forEach(m -> byFact.computeIfAbsent(model.tableOf(m), k -> new ArrayList<>()).add(m));
        Selection groups = Selection.of(in.groups(), model, new Sql(model, dialect, ""));
        List<String> keys = new ArrayList<>(groups.names);
        if (in.grain() != null) {
            keys.add(0, in.grain().name().toLowerCase(Locale.ROOT) + "_start");
        }
        List<String> ctes = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        int n = 0;
        for (Map.Entry<ModelTable, List<Field>> e : byFact.entrySet()) {
            Intent part = new Intent(Intent.Shape.AGGREGATE, e.getValue(), in.groups(), in.grain(), in.filters(),
                    in.period(), null, null, List.of(), List.of(), null, List.of(), null);
            Compiled c = single.compile(part, dialect, false);
            ctes.add("m" + (++n) + " AS (" + c.sql() + ")");
            explained.add("(" + n + ") " + c.explanation());
        }
        List<String> select = new ArrayList<>();
        for (String k : keys) {
            List<String> each = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                each.add("m" + i + "." + k);
            }
            select.add("COALESCE(" + String.join(", ", each) + ") AS " + k);
        }
        int i = 0;
        List<String> qualified = new ArrayList<>();
        for (List<Field> metrics : byFact.values()) {
            i++;
            for (Field m : metrics) {
                select.add("m" + i + "." + m.name() + " AS " + m.name());
                qualified.add("m" + i + "." + m.name());
            }
        }
        String ratioName = null;
        if (in.options() != null && in.options().acrossRatio() && in.metrics().size() == 2) {
            ratioName = in.metrics().get(0).name() + "_per_" + in.metrics().get(1).name();
            select.add(qualified.get(0) + " * 1.0 / NULLIF(" + qualified.get(1) + ", 0) AS " + ratioName);
        }
        StringBuilder from = new StringBuilder(" FROM m1");
        for (int j = 2; j <= n; j++) {
            if (keys.isEmpty()) {
                from.append(" CROSS JOIN m").append(j);
            } else {
                int at = j;
                from.append(" FULL OUTER JOIN m").append(j).append(" ON ").append(String.join(" AND ",
                        keys.stream().map(k -> "m1." + k + " = m" + at + "." + k).toList()));
            }
        }
        Explanation ex = new Explanation();
        Selection outer = new Selection();
        outer.names.addAll(keys);
        outer.exprs.addAll(keys);
        String order = AggregateSql.order(in, outer, in.grain() == null ? null : keys.get(0),
                ratioName != null ? ratioName : in.metrics().get(0).name(), ex);
        String sql = "WITH " + String.join(", ", ctes) + " SELECT " + String.join(", ", select) + from + order;
        if (in.rank() != null && in.rank().limit() != null) {
            sql = new Sql(model, dialect, "").limit(sql, in.rank().limit());
        }
        String text = "Each activity's measures are aggregated on their own, then joined on the grouping, so neither"
                + " multiplies the other (no fan-out). " + String.join(" ", explained) + " " + ex.orderText();
        return new Compiled(sql, text.strip(), AggregateSql.chart(in, outer, in.grain() == null ? null : keys.get(0),
                in.metrics().stream().map(Field::name).toList()));
    }
}
