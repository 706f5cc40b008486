package io.nl2q.hub.semantic;

import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Compiles measures over one fact table: totals, breakdowns, rankings, trends, growth between periods, shares. */
final class AggregateSql {
    private final SemanticModel model;
    private final JoinPlanner joins;

    AggregateSql(SemanticModel model, JoinPlanner joins) {
        this.model = model;
        this.joins = joins;
    }

    Compiled compile(Intent in, SqlDialect dialect) {
        if (in.metrics().stream().map(model::tableOf).distinct().count() > 1) {
            return new MultiFactSql(model, this).compile(in, dialect);
        }
        if (in.shape() == Intent.Shape.GROWTH && in.base() == null) {
            return GrowthSeries.compile(this, model, in, dialect);
        }
        if (in.per() != null) {
            return PerMemberAverage.compile(this, model, in, dialect);
        }
        return compile(in, dialect, true);
    }

    /** {@code whole} false: a part of a larger query, without its own ordering and row limit. */
    Compiled compile(Intent in, SqlDialect dialect, boolean whole) {
        return compile(in, dialect, whole, whole);
    }

    /** {@code ownDates}: a series at the data's own grain is labelled by the data's dates (week_ending). */
    Compiled compile(Intent in, SqlDialect dialect, boolean whole, boolean ownDates) {
        ModelTable base = model.tableOf(in.metrics().get(0));
        Sql sql = new Sql(model, dialect, "");
        Set<String> needed = new LinkedHashSet<>();
        in.groups().forEach(g -> needed.add(g.owner(model).name()));
        in.filters().forEach(f -> needed.add(f.field().table()));
        if (in.partition() != null) {
            needed.add(in.partition().table());
        }
        in.targets().forEach(t -> needed.add(t.table().name())); // the members an activity clause correlates to
        String from = sql.from(base.name(), joins.plan(base.name(), needed));
        Selection groups = Selection.of(in.groups(), model, sql);
        Field time = base.timeDimension().orElse(null);
        String timeCol = time == null ? null : sql.column(time);
        if ((in.period() != null || in.grain() != null) && time == null) {
            throw new Unanswerable(base.name() + " has no time dimension to filter or trend by.");
        }
        String grainName = null;
        if (in.grain() != null && ownDates && in.grain().name().equalsIgnoreCase(time.dataGrain())) {
            // "weekly TRx": each week_ending already ends one week, so the series is labelled by the data's own dates
            grainName = time.name();
            groups.exprs.add(0, timeCol);
            groups.names.add(0, grainName);
            groups.described.add(0, time.name());
        } else if (in.grain() != null) {
            grainName = in.grain().name().toLowerCase(Locale.ROOT) + "_start";
            groups.exprs.add(0, dialect.dateTrunc(in.grain(), timeCol));
            groups.names.add(0, grainName);
            groups.described.add(0, in.grain().name().toLowerCase(Locale.ROOT) + " of " + time.name());
            labels(in.grain(), timeCol, groups, dialect);
        }
        List<String> where = new ArrayList<>();
        Explanation ex = new Explanation();
        Share share = in.shape() == Intent.Shape.SHARE ? new Share(model, sql, in) : null;
        for (Intent.Filter f : in.filters()) {
            if (share == null || !share.isSubject(f)) {
                where.add(sql.condition(f));
                ex.filter(Sql.describe(f));
            }
        }
        List<String> measures = new ArrayList<>();
        List<String> measureNames = new ArrayList<>();
        List<String> growth = new ArrayList<>();
        if (in.shape() == Intent.Shape.GROWTH) {
            where.add("(" + sql.between(timeCol, in.base()) + " OR " + sql.between(timeCol, in.period()) + ")");
            for (Field m : in.metrics()) {
                String a = Aggregates.when(sql.column(m), sql.between(timeCol, in.base()));
                String b = Aggregates.when(sql.column(m), sql.between(timeCol, in.period()));
                measures.addAll(List.of(a, b));
                measureNames.addAll(List.of(m.name() + "_first_period", m.name() + "_second_period"));
                // computed over the two sums in an outer query: shorter SQL than repeating both CASE aggregates
                growth.add("(s." + m.name() + "_second_period - s." + m.name() + "_first_period) * 1.0 / NULLIF(s."
                        + m.name() + "_first_period, 0) AS " + m.name() + "_growth");
                if (in.percent()) {
                    growth.add("(s." + m.name() + "_second_period - s." + m.name() + "_first_period) * 100.0 / NULLIF(s."
                            + m.name() + "_first_period, 0) AS " + m.name() + "_growth_pct");
                }
            }
            ex.measure(in.metrics(), "growth from the first to the second period, as (second - first) / first");
            ex.period("first " + in.base().describe() + ", second " + in.period().describe() + " on " + time.name());
        } else if (in.shape() == Intent.Shape.PERIODS && (!groups.names.isEmpty() || in.rank() == null)) {
            // "2024 vs 2025 (by region)": side by side, a column for each period (a row for each region); a row per
            // period only when the periods are ranked ("which was higher, Q3 or Q4")
            where.add("(" + sql.between(timeCol, in.base()) + " OR " + sql.between(timeCol, in.period()) + ")");
            for (Field m : in.metrics()) {
                for (Period p : List.of(in.base(), in.period())) {
                    measures.add(Aggregates.when(sql.column(m), sql.between(timeCol, p)));
                    measureNames.add(m.name() + "_" + columnName(p.shortLabel()));
                }
            }
            ex.measure(in.metrics(), null);
            ex.period(in.base().describe() + " and " + in.period().describe() + ", a column each, on " + time.name());
        } else if (in.shape() == Intent.Shape.PERIODS) {
            // one row per period: its label and first day beside the groups, then the measures
            where.add("(" + sql.between(timeCol, in.base()) + " OR " + sql.between(timeCol, in.period()) + ")");
            String earlier = sql.between(timeCol, in.base());
            groups.exprs.add(0, "CASE WHEN " + earlier + " THEN " + Sql.literal(in.base().shortLabel()) + " ELSE "
                    + Sql.literal(in.period().shortLabel()) + " END");
            groups.names.add(0, "period");
            groups.exprs.add(0, "CASE WHEN " + earlier + " THEN " + dialect.dateLiteral(in.base().from()) + " ELSE "
                    + dialect.dateLiteral(in.period().from()) + " END");
            groups.names.add(0, "period_start");
            groups.described.add(0, "period");
            grainName = "period_start";
            for (Field m : in.metrics()) {
                measures.add(sql.column(m));
                measureNames.add(m.name());
            }
            ex.measure(in.metrics(), null);
            ex.period(in.base().describe() + " and " + in.period().describe() + ", side by side, on " + time.name());
        } else if (in.pivot() != null && share == null) {
            // "TRx by region, one column per channel": a conditional aggregate for each column
            Intent.Pivot p = in.pivot();
            if (in.period() != null) {
                where.add(sql.between(timeCol, in.period()));
                ex.period(in.period().describe() + " on " + time.name());
            }
            for (Field m : in.metrics()) {
                if (p.field() == null) {
                    for (Period each : p.periods()) {
                        measures.add(Aggregates.when(sql.column(m), sql.between(timeCol, each)));
                        measureNames.add(m.name() + "_" + columnName(each.shortLabel()));
                    }
                } else {
                    for (String v : p.values()) {
                        measures.add(Aggregates.when(sql.column(m), sql.column(p.field()) + " = " + Sql.literal(v)));
                        measureNames.add(m.name() + "_" + columnName(v));
                    }
                }
            }
            ex.measure(in.metrics(), null);
            ex.grouping(List.of("a column for each " + (p.field() == null ? "period" : p.field().spokenName())));
        } else {
            if (in.period() != null) {
                where.add(sql.between(timeCol, in.period()));
                ex.period(in.period().describe() + " on " + time.name());
            }
            for (Field m : in.metrics()) {
                if (share != null) {
                    measures.add(share.measure(m));
                    measureNames.add(m.name() + "_share");
                    if (in.percent()) {
                        measures.add("(" + share.measure(m) + ") * 100");
                        measureNames.add(m.name() + "_share_pct");
                    }
                } else {
                    measures.add(sql.column(m));
                    measureNames.add(m.name());
                }
            }
            ex.measure(in.metrics(), share == null ? null : share.describe());
        }
        if (share != null) {
            share.restriction().ifPresent(where::add);
        }
        int n = 0;
        for (Intent.Clause c : in.clauses()) {
            ModelTable member = in.targets().get(0).table();
            where.add(ClauseSql.exists(model, joins, c, member, sql, in.period(), ++n));
            ex.filter("only " + member.name() + " " + (c.negated() ? "with no " : "with ") + c.fact().name() + " rows"
                    + (c.filters().isEmpty() ? "" : " where " + String.join(" and ",
                    c.filters().stream().map(Sql::describe).toList())) + (in.period() == null || c.fact().timeDimension().isEmpty() ? "" : " in the period"));
        }
        String select = "SELECT " + String.join(", ", concat(groups.select(), named(measures, measureNames)));
        String body = select + from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        List<String> groupBy = new ArrayList<>(groups.exprs);
        if (share != null && share.windowed()) {
            groupBy.add(sql.column(in.partition()));
        }
        if (!groupBy.isEmpty()) {
            body += " GROUP BY " + String.join(", ", groupBy);
            ex.grouping(groups.described);
        }
        if (!growth.isEmpty()) {
            body = "SELECT s.*, " + String.join(", ", growth) + " FROM (" + body + ") s";
            in.metrics().forEach(m -> measureNames.add(measureNames.indexOf(m.name() + "_second_period") + 1,
                    m.name() + "_growth"));
        }
        if (in.threshold() != null) {
            return threshold(in, body, groups, measureNames.get(0), ex);
        }
        String orderBy = whole ? order(in, groups, grainName, measureNames.get(measureNames.size() - 1), ex) : "";
        if (share != null && share.windowed() && share.outerFilter() != null) {
            body = "SELECT * FROM (" + body + ") s WHERE " + share.outerFilter();
        } else if (orderBy.contains(" IS NULL THEN ")) {
            // PostgreSQL resolves output names in ORDER BY only when they stand alone, so order an outer query
            body = "SELECT * FROM (" + body + ") s";
        }
        body += orderBy;
        if (whole && in.rank() != null && in.rank().limit() != null) {
            body = sql.limit(body, in.rank().limit());
        }
        return new Compiled(body, ex.text(), chart(in, groups, grainName, measureNames));
    }

    /** A value or period label as a column name: "Tirosint-SOL" is tirosint_sol, "Q1 2025" q1_2025. */
    static String columnName(String label) {
        String n = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return n.isEmpty() ? "value" : n;
    }

    /** Keeps the groups past the threshold: counted (one number) or listed with their measure, highest first. */
    private static Compiled threshold(Intent in, String body, Selection groups, String measure, Explanation ex) {
        Intent.Threshold t = in.threshold();
        String past = " FROM (" + body + ") s WHERE s." + measure + " " + t.op() + " " + t.number();
        ex.filter("only groups with " + measure + " " + t.describe());
        if (t.count()) {
            Intent.Target g = in.groups().get(0);
            String name = (g.field() == null ? g.table().name() : g.field().name()) + "_count";
            ex.measureText("the number of " + g.describe() + " kept, each with " + measure + " " + t.describe());
            return new Compiled("SELECT COUNT(*) AS " + name + past, ex.text(),
                    new Chart("number", null, name));
        }
        String orderBy = order(in, groups, null, measure, ex);
        return new Compiled("SELECT *" + past + orderBy, ex.text(), new Chart("bar", groups.axis(), measure));
    }

    /** A quarter or month is also labelled as people say it, by its year and number, beside its first day. */
    private static void labels(SqlDialect.TimeGrain grain, String date, Selection groups, SqlDialect dialect) {
        if (grain == SqlDialect.TimeGrain.QUARTER || grain == SqlDialect.TimeGrain.MONTH) {
            groups.exprs.add(1, dialect.datePart(SqlDialect.TimeGrain.YEAR, date));
            groups.names.add(1, "year");
            groups.exprs.add(2, dialect.datePart(grain, date));
            groups.names.add(2, grain.name().toLowerCase(Locale.ROOT));
            groups.labels.addAll(groups.names.subList(1, 3));
        }
    }

    private static List<String> concat(String groups, List<String> measures) {
        List<String> out = new ArrayList<>();
        if (!groups.isEmpty()) {
            out.add(groups);
        }
        out.addAll(measures);
        return out;
    }

    private static List<String> named(List<String> exprs, List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            out.add(exprs.get(i) + " AS " + names.get(i));
        }
        return out;
    }

    static String order(Intent in, Selection groups, String grainName, String measure, Explanation ex) {
        if (grainName != null && in.rank() == null) {
            List<String> keys = groups.names.stream().filter(n -> !groups.labels.contains(n)).toList();
            ex.order("ordered by " + grainName + (keys.size() > 1 ? " then " + String.join(", ",
                    keys.subList(1, keys.size())) : ""));
            return " ORDER BY " + String.join(", ", keys);
        }
        if (groups.names.isEmpty()) {
            return "";
        }
        boolean descending = in.rank() == null || in.rank().descending();
        String tie = String.join(", ", groups.names);
        String dir = descending ? " DESC" : " ASC";
        ex.order("ordered by " + measure + (descending ? " descending" : " ascending")
                + (in.rank() != null && in.rank().limit() != null ? ", first " + in.rank().limit() + " rows" : ""));
        // a ratio can be NULL (nothing in the base period); portable "nulls last", as SQL Server has no NULLS LAST
        String nullsLast = in.shape() == Intent.Shape.GROWTH || in.shape() == Intent.Shape.SHARE
                ? "CASE WHEN " + measure + " IS NULL THEN 1 ELSE 0 END, " : "";
        return " ORDER BY " + nullsLast + measure + dir + ", " + tie;
    }

    static Chart chart(Intent in, Selection groups, String grainName, List<String> measures) {
        String y = in.shape() == Intent.Shape.GROWTH ? measures.get(2) : measures.get(0);
        if (grainName != null) {
            // "which month was highest" ranks; two periods side by side are two bars
            return new Chart(in.rank() == null && in.shape() != Intent.Shape.PERIODS ? "line" : "bar", grainName, y);
        }
        if (!groups.names.isEmpty()) {
            return new Chart("bar", groups.axis(), y);
        }
        return measures.size() == 1 ? new Chart("number", null, y) : Chart.table();
    }
}
