package io.nl2q.hub.semantic;

import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists or counts members of a table (or distinct values of a dimension), filtered by their own attributes and by
 * activities that must or must not exist: EXISTS / NOT EXISTS subqueries correlated on the declared join, so no
 * activity multiplies the members.
 */
final class MemberSql {
    private final SemanticModel model;
    private final JoinPlanner joins;

    MemberSql(SemanticModel model, JoinPlanner joins) {
        this.model = model;
        this.joins = joins;
    }

    Compiled compile(Intent in, SqlDialect dialect) {
        ModelTable base = in.targets().get(0).owner(model);
        Sql sql = new Sql(model, dialect, "");
        Set<String> needed = new LinkedHashSet<>();
        in.targets().forEach(t -> needed.add(t.owner(model).name()));
        in.groups().forEach(g -> needed.add(g.owner(model).name()));
        in.filters().forEach(f -> needed.add(f.field().table()));
        String from = sql.from(base.name(), joins.plan(base.name(), needed));
        Explanation ex = new Explanation();
        List<String> where = new ArrayList<>();
        for (Intent.Filter f : in.filters()) {
            where.add(sql.condition(f));
            ex.filter(Sql.describe(f));
        }
        if (in.period() != null && in.clauses().stream().allMatch(c -> c.period() == null
                && c.fact().timeDimension().isEmpty())) {
            // "payers covering Flector in 2025": no activity in time to apply the period to; ignoring it would
            // answer another question
            throw new Unanswerable("The period cannot apply here: " + (in.clauses().isEmpty() ? base.name()
                    : in.clauses().get(0).fact().name()) + " has no time dimension.");
        }
        int n = 0;
        for (Intent.Clause c : in.clauses()) {
            where.add(ClauseSql.exists(model, joins, c, base, sql, c.period() != null ? c.period() : in.period(), ++n));
            ex.filter((c.negated() ? "with no " : "with ") + c.fact().name() + " rows"
                    + (c.filters().isEmpty() ? "" : " where " + String.join(" and ",
                    c.filters().stream().map(Sql::describe).toList()))
                    + (c.period() != null ? " in " + c.period().describe()
                    : in.period() == null || c.fact().timeDimension().isEmpty() ? "" : " in the period"));
        }
        if (in.period() != null) {
            ex.period(in.period().describe() + ", applied to each activity");
        }
        String whereSql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Selection targets = Selection.of(in.targets(), model, sql);
        if (in.shape() == Intent.Shape.COUNT) {
            Intent.Target t = in.targets().get(0);
            String counted = t.field() == null ? String.join(", ", base.primaryKey().stream()
                    .map(k -> sql.column(base, k)).toList()) : sql.column(t.field());
            String name = (t.field() == null ? base.name() : t.field().name()) + "_count";
            Selection groups = Selection.of(in.groups(), model, sql);
            // a composite key cannot go in COUNT(DISTINCT a, b): count the rows, which the many-to-one joins
            // from the base never multiply
            boolean rows = t.field() == null && base.primaryKey().size() != 1;
            String select = "SELECT " + (groups.exprs.isEmpty() ? "" : groups.select() + ", ")
                    + (rows ? "COUNT(*)" : "COUNT(DISTINCT " + counted + ")") + " AS " + name;
            ex.measureText("the number of distinct " + t.describe() + (t.field() == null ? " (by " + String.join(", ",
                    base.primaryKey()) + ")" : ""));
            String groupBy = "";
            if (!groups.exprs.isEmpty()) {
                boolean descending = in.rank() == null || in.rank().descending();
                groupBy = " GROUP BY " + String.join(", ", groups.exprs) + " ORDER BY " + name
                        + (descending ? " DESC, " : " ASC, ") + String.join(", ", groups.names);
                ex.grouping(groups.described);
                ex.order("ordered by " + name + (descending ? " descending" : " ascending")
                        + (in.rank() != null && in.rank().limit() != null ? ", first " + in.rank().limit() + " rows" : ""));
            }
            String counted2 = select + from + whereSql + groupBy;
            if (in.rank() != null && in.rank().limit() != null) {
                counted2 = sql.limit(counted2, in.rank().limit());
            }
            Chart chart = groups.exprs.isEmpty() ? new Chart("number", null, name) : new Chart("bar", groups.axis(), name);
            return new Compiled(counted2, ex.text(), chart);
        }
        for (Intent.Filter f : in.filters()) {
            // "endocrinologists or family med in Chicago": which of the values each member has, beside it
            if (!f.negated() && f.values().size() > 1 && !targets.names.contains(f.field().name())) {
                targets.add(sql.column(f.field()), f.field().name());
            }
        }
        ex.measureText("the list of distinct " + String.join(", ", targets.described));
        ex.order("ordered by " + String.join(", ", targets.names));
        String select = "SELECT DISTINCT " + targets.select() + from + whereSql + " ORDER BY "
                + String.join(", ", targets.names);
        return new Compiled(select, ex.text(), Chart.table());
    }
}
