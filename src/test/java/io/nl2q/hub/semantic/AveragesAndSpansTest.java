package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Averages per a member, ratios written with a slash, listed years read as one series, periods set side by side as
 * a column each, and a share in two periods refused rather than answered with the measure's growth.
 */
class AveragesAndSpansTest extends PharmaDemoTest {

    @Test
    void anAveragePerADimensionsMemberIsTheMeanOfEachMembersMeasure() {
        String sql = ask("average calls per rep in 2024").sql();
        assertThat(sql).startsWith("SELECT AVG(s.calls * 1.0) AS calls_per_rep_name FROM (")
                .contains("GROUP BY t.rep_name) s");
        assertThat(ask("average Cytomel TRx per specialty by region in 2025").sql()).contains("GROUP BY s.region")
                .contains("h.specialty AS specialty");
    }

    @Test
    void theMeanOfACallsOwnColumnPerATableGroupsIt() {
        assertThat(ask("mean phone call duration per territory in 2024").sql())
                .contains("AVG(ca.duration_min)").contains("GROUP BY t.territory_id, t.territory_name")
                .doesNotContain("COUNT(DISTINCT");
        assertThat(ask("total TRx per HCP in 2024").sql()).doesNotContain("AVG(");
    }

    @Test
    void aSlashBetweenTwoMeasuresIsTheirRatioAndBetweenValuesTheirList() {
        assertThat(ask("Cytomel NRx/TRx in 2024").sql()).contains("(SUM(rw.nrx)) * 1.0 / NULLIF(SUM(rw.trx), 0)");
        assertThat(ask("Flector/Licart TRx in 2024").sql()).contains("IN ('Flector', 'Licart')")
                .doesNotContain("NULLIF");
    }

    @Test
    void listedYearsWithAGrainAreOneSeries() {
        String sql = ask("Levoxyl TRx by quarter for 2023 and 2024").sql();
        assertThat(sql).contains("BETWEEN DATE '2023-01-01' AND DATE '2024-12-31'").doesNotContain("_first_period");
        assertThat(ask("Cytomel NRx per year 2023-2025 with the change vs the prior year").sql())
                .contains("LAG(s.nrx)").contains("year_start");
    }

    @Test
    void twoPeriodsSideBySideAreAColumnEach() {
        String sql = ask("Unithroid TRx Q1 2024 vs Q1 2025").sql();
        assertThat(sql).contains("AS trx_q1_2024").contains("AS trx_q1_2025").doesNotContain("GROUP BY");
        assertThat(ask("Licart TRx in the last 4 weeks vs the prior 4 weeks growth").sql())
                .contains("2025-11-01").contains("2025-11-29");
    }

    @Test
    void aShareInTwoPeriodsIsRefusedNeverAnsweredWithTheMeasuresGrowth() {
        assertThat(refusal("Licart market share 2024 vs 2025").getMessage()).contains("share in two periods");
    }

    @Test
    void aSuperlativeOfAnActivitysVerbRanksByIt() {
        assertThat(ask("the 5 most-called HCPs in 2024").sql()).contains("COUNT(ca.call_id) AS calls")
                .contains("ORDER BY calls DESC").contains("LIMIT 5");
        assertThat(ask("top 3 endos by Levoxyl NRx in 2025").sql()).contains("h.specialty = 'Endocrinology'")
                .contains("GROUP BY h.hcp_id, h.full_name").contains("LIMIT 3");
    }
}
