package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Period-over-period series with LAG, periods side by side per group, and quarters labelled as people say them. */
class SeriesAndPivotTest extends PharmaDemoTest {

    @Test
    void eachMonthsGrowthIsOverTheMonthBeforeItWithinThePeriodAsked() {
        GeneratedQuery q = ask("month over month growth of Levoxyl TRx in 2025");
        List<List<Object>> engine = rows(q.sql());
        assertThat(engine).hasSize(12);
        List<List<Object>> gold = rows("SELECT m, trx, (trx - prev) * 1.0 / prev FROM (SELECT m, trx, LAG(trx) OVER"
                + " (ORDER BY m) AS prev FROM (SELECT CAST(DATE_TRUNC('month', r.week_ending) AS DATE) AS m,"
                + " SUM(r.trx) AS trx FROM rx_weekly r JOIN product p ON p.product_id = r.product_id WHERE"
                + " p.product_name = 'Levoxyl' AND r.week_ending BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'"
                + " GROUP BY 1) s) g ORDER BY m");
        assertThat(engine.get(0).get(5)).isNull(); // January has no month before it in 2025
        for (int i = 1; i < 12; i++) {
            List<Object> e = engine.get(i);
            assertThat(e.get(0).toString()).isEqualTo(gold.get(i).get(0).toString());
            assertThat(((Number) e.get(3)).longValue()).isEqualTo(((Number) gold.get(i).get(1)).longValue());
            assertThat(((Number) e.get(5)).doubleValue()).isCloseTo(((Number) gold.get(i).get(2)).doubleValue(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(q.explanation()).contains("growth as (this - previous) / previous", "the first month has none");
    }

    @Test
    void aGroupedSeriesLagsWithinEachGroupAndWeeksAreTheDatasOwn() {
        assertThat(ask("QoQ growth of Flector NRx by region in 2025").sql())
                .contains("LAG(s.nrx) OVER (PARTITION BY region ORDER BY quarter_start)");
        GeneratedQuery weekly = ask("week over week change in Cytomel TRx over the last 6 weeks");
        assertThat(weekly.sql()).contains("ORDER BY week_ending").doesNotContain("DATE_TRUNC('week'");
        List<List<Object>> r = rows(weekly.sql());
        assertThat(r).hasSize(6);
        assertThat(r.get(5).get(0).toString()).isEqualTo("2025-12-26");
        assertThat(r.get(0).get(2)).isNull(); // no week before the first in the span asked
        assertThat(r.get(1).get(2)).isNotNull();
    }

    @Test
    void theSeriesRendersInEveryDialect() {
        for (SqlDialect d : Dialects.all()) {
            String sql = engine.generate("monthly growth of Synthroid TRx by region in H2 2025",
                    new InDialect(warehouse, d)).sql();
            assertThat(sql).as(d.id()).contains("LAG(").contains("PARTITION BY region").doesNotContain("LIMIT 1000");
        }
    }

    @Test
    void twoPeriodsByAGroupAreAColumnEachNotARowEach() {
        GeneratedQuery q = ask("Levoxyl TRx 2024 vs 2025 by region");
        assertThat(q.sql()).contains("AS trx_2024").contains("AS trx_2025").doesNotContain("period_start");
        assertThat(rows(q.sql())).hasSize(5);
        // with no grouping too: one row, a column for each period
        assertThat(rows(ask("Levoxyl TRx 2024 vs 2025").sql())).hasSize(1).first().asList().hasSize(2);
    }

    @Test
    void quartersAndMonthsCarryTheirYearAndNumber() {
        List<List<Object>> r = rows(ask("quarterly Cytomel NRx in 2024").sql());
        assertThat(r).hasSize(4);
        assertThat(r.get(3).subList(0, 3).stream().map(Object::toString).toList())
                .containsExactly("2024-10-01", "2024", "4");
        for (SqlDialect d : Dialects.all()) {
            assertThat(engine.generate("monthly Cytomel NRx in 2024", new InDialect(warehouse, d)).sql()).as(d.id())
                    .contains(d.datePart(SqlDialect.TimeGrain.MONTH, "rw.week_ending") + " AS month");
        }
    }

    @Test
    void aRatioOfTwoMeasuresIsTakenInEachPeriodOfASeries() {
        GeneratedQuery q = ask("ratio of NRx to TRx for Levoxyl by quarter in 2025");
        assertThat(q.sql()).contains("AS nrx_per_trx").doesNotContain("AS trx,");
        List<List<Object>> r = rows(q.sql());
        assertThat(r).hasSize(4);
        List<List<Object>> gold = rows("SELECT SUM(r.nrx) * 1.0 / SUM(r.trx) FROM rx_weekly r JOIN product p ON"
                + " p.product_id = r.product_id WHERE p.product_name = 'Levoxyl' AND r.week_ending BETWEEN"
                + " DATE '2025-01-01' AND DATE '2025-03-31'");
        assertThat(((Number) r.get(0).get(3)).doubleValue()).isCloseTo(((Number) gold.get(0).get(0)).doubleValue(),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSegmentsPartOfOneMembersMeasureKeepsTheMemberAsAFilter() {
        String sql = ask("what fraction of Levoxyl TRx in 2025 was written by decile 8-10 HCPs").sql();
        assertThat(sql).contains("SUM(CASE WHEN h.decile BETWEEN 8 AND 10 THEN rw.trx END)")
                .contains("WHERE p.product_name = 'Levoxyl'").doesNotContain("p.market IN").doesNotContain("GROUP BY");
        assertThat(ask("share of Levoxyl TRx from Commercial payers in 2025").sql())
                .contains("CASE WHEN p2.channel = 'Commercial'").contains("p.product_name = 'Levoxyl'");
    }
}
