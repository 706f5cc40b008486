package io.nl2q.hub.semantic;

import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Month-over-month growth in 2025", "QoQ growth by region": the trend of each period, and its growth over the period
 * before it with LAG (per group when grouped), within the period asked, as analysts write it: the first period has no
 * growth.
 */
final class GrowthSeries {
    private GrowthSeries() {
    }

    static Compiled compile(AggregateSql single, SemanticModel model, Intent in, SqlDialect dialect) {
        TimeGrain grain = in.grain();
        Period span = in.period();
        Field time = model.tableOf(in.metrics().get(0)).timeDimension().orElseThrow();
        boolean ownDates = grain.name().equalsIgnoreCase(time.dataGrain()); // weeks labelled by week_ending
        Intent trend = new Intent(Intent.Shape.AGGREGATE, in.metrics(), in.groups(), grain, in.filters(), span,
                null, null, in.targets(), in.clauses(), null, List.of(), null);
        Compiled c = single.compile(trend, dialect, false, true);
        String start = ownDates ? time.name() : grain.name().toLowerCase(Locale.ROOT) + "_start";
        List<String> keys = Selection.of(in.groups(), model, new Sql(model, dialect, "")).names;
        String over = " OVER (" + (keys.isEmpty() ? "" : "PARTITION BY " + String.join(", ", keys) + " ")
                + "ORDER BY " + start + ")";
        List<String> growth = new ArrayList<>();
        for (Field m : in.metrics()) {
            String lag = "LAG(s." + m.name() + ")" + over;
            growth.add("s." + m.name() + " - " + lag + " AS " + m.name() + "_change");
            growth.add("(s." + m.name() + " - " + lag + ") * 1.0 / NULLIF(" + lag + ", 0) AS " + m.name() + "_growth");
            if (in.percent()) {
                growth.add("(s." + m.name() + " - " + lag + ") * 100.0 / NULLIF(" + lag + ", 0) AS " + m.name()
                        + "_growth_pct");
            }
        }
        String body = "SELECT s.*, " + String.join(", ", growth) + " FROM (" + c.sql() + ") s";
        List<String> order = new ArrayList<>(List.of(start));
        order.addAll(keys);
        String g = grain.name().toLowerCase(Locale.ROOT);
        String explanation = c.explanation() + " Then the change of each " + g + " from the " + g + " before it, and "
                + "its growth as (this - previous) / previous; the first " + g + " has none before it in the period, so"
                + " its change is empty. Ordered by " + String.join(", ", order) + ".";
        return new Compiled(body + " ORDER BY " + String.join(", ", order), explanation,
                new Chart("line", start, in.metrics().get(0).name() + "_growth"));
    }
}
