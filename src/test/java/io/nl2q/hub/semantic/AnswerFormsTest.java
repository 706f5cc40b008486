package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an answer is shaped by everyday wording: percentages beside fractions, a grouping whose values are listed,
 * orderings said as "X first", an activity the members had, a ratio across two activities.
 */
class AnswerFormsTest extends PharmaDemoTest {

    @Test
    void aPercentAskedIsGivenBesideTheFraction() {
        String sql = ask("Levoxyl TRx growth 2024 -> 2025 as a %").sql();
        assertThat(sql).contains("AS trx_growth,").contains("* 100.0 / NULLIF").contains("AS trx_growth_pct");
        assertThat(ask("what % of 2024 calls were phone calls").sql()).contains("AS calls_share_pct");
        assertThat(ask("Levoxyl TRx growth from 2024 to 2025").sql()).doesNotContain("_pct");
    }

    @Test
    void aGroupingKeepsItsListedValues() {
        assertThat(ask("Cytomel TRx in 2025 by payer channel (Commercial, Medicaid, Cash)").sql())
                .contains("GROUP BY p.channel").contains("IN ('Commercial', 'Medicaid', 'Cash')")
                .doesNotContain("payer_name = 'Cash'");
    }

    @Test
    void anOrderSaidAsXFirstRanksEveryRow() {
        String sql = ask("Levoxyl NRx growth 2024 to 2025 for each region, fastest-growing first").sql();
        assertThat(sql).contains("DESC").doesNotContain("LIMIT");
        assertThat(rows(sql)).hasSize(5);
        assertThat(ask("regions by Cytomel TRx in 2025, lowest first").sql()).contains("ASC").doesNotContain("LIMIT");
    }

    @Test
    void anActivityTheMembersHadRestrictsTheMeasure() {
        String sql = ask("Licart TRx in 2024 from HCPs who got at least one Licart call in 2024").sql();
        assertThat(sql).contains("EXISTS (SELECT 1 FROM call_activity").doesNotContain("AS calls");
    }

    @Test
    void aMeasurePerAMeasureOfAnotherActivityIsTheirRatio() {
        String sql = ask("Licart NRx per Licart call by region in 2025").sql();
        assertThat(sql).startsWith("WITH m1 AS").contains("AS nrx_per_calls");
        List<List<Object>> r = rows(sql);
        assertThat(r).hasSize(5).allSatisfy(row -> assertThat(((Number) row.get(3)).doubleValue())
                .isCloseTo(((Number) row.get(1)).doubleValue() / ((Number) row.get(2)).doubleValue(),
                        org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void theMeanOfACallsOwnColumnByAGrainIsASeries() {
        assertThat(ask("average phone call length by quarter in 2024").sql()).contains("AVG(ca.duration_min)")
                .contains("GROUP BY CAST(DATE_TRUNC('quarter'");
        assertThat(ask("average weekly call minutes in Q3 2025").sql()).contains("/ 13").doesNotContain("AVG(");
    }

    @Test
    void whatTheDataDoNotHoldIsRefused() {
        assertThat(refusal("calls AbbVie's Synthroid reps made in Chicago in 2025").getMessage())
                .contains("own side");
        assertThat(refusal("how did Licart's formulary status at Aetna change from 2024 to 2025").getMessage())
                .contains("attribute");
    }

    @Test
    void periodsSetAgainstEachOtherAreNeverMergedAndAToppedNumberIsAThreshold() {
        assertThat(ask("total TRx of both markets combined, 2024 vs 2025").sql()).contains("AS trx_2024")
                .contains("AS trx_2025");
        assertThat(ask("in how many territories did Cytomel top 50 TRx in 2025").sql())
                .startsWith("SELECT COUNT(*) AS territory_count").contains("s.trx > 50");
    }

    @Test
    void aDimensionOfItsOwnerGroupsByTheDimensionOnly() {
        assertThat(ask("2024 calls by specialty of the HCP called").sql()).contains("GROUP BY h.specialty")
                .doesNotContain("h.hcp_id AS");
    }

    @Test
    void aValueBeforeTheTableWordIsTheSharesPart() {
        assertThat(ask("Medicaid payer share of total Cytomel TRx in 2024").sql())
                .contains("CASE WHEN p.channel = 'Medicaid'").doesNotContain("s_p.market");
    }

    @Test
    void pullUpListsTheMembers() {
        assertThat(ask("pull up the tier A Tirosint targets in Boston").sql()).startsWith("SELECT DISTINCT h.hcp_id");
    }
}
