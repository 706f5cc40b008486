package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import org.junit.jupiter.api.Test;

/** No word is silently dropped or reinterpreted: each is read into the answer or the question is refused. */
class WordSafetyTest extends PharmaDemoTest {

    @Test
    void aDerivedWordIsNoTypoOfAShorterKnownWord() {
        assertThat(refusal("flector nrx by county in 2024").getMessage()).contains("county");
    }

    @Test
    void aNounAmongTheFunctionWordsAfterADataWordIsNotDropped() {
        assertThat(refusal("levoxyl trx by brand team").getMessage()).contains("team");
        assertThat(ask("hi team, tirosint trx 2025 for my deck").sql()).contains("SUM(").doesNotContain("GROUP BY");
    }

    @Test
    void aSegmentShareDividesTheSegmentsRowsByAllRowsUnderTheSameFilters() {
        GeneratedQuery q = ask("Commercial share of Levoxyl TRx in 2024");
        assertThat(q.sql()).contains("CASE WHEN p.channel = 'Commercial'").contains("p2.product_name = 'Levoxyl'")
                .doesNotContain("market").doesNotContain("GROUP BY");
        assertThat(ask("what % of Flector details were virtual in 2024").sql())
                .contains("CASE WHEN ca.channel = 'Virtual'");
    }

    @Test
    void acrossAllMembersIsOneTotal() {
        assertThat(ask("units across all products in Q1 2025").sql()).doesNotContain("GROUP BY");
    }

    @Test
    void aWholeTableAfterVersusIsRefusedAndAChangePerPeriodOfALongerSpanIsASeries() {
        assertThat(refusal("Cytomel TRx versus plan in 2024").getMessage()).contains("vs");
        // each month's growth over the month before, never 2024 against 2023
        assertThat(ask("MoM Levoxyl NRx growth in 2024").sql()).contains("LAG(s.nrx)").doesNotContain("2023-01-01");
        assertThat(ask("qoq growth of flector nrx last quarter").explanation()).contains("Q2 2025", "Q3 2025");
    }

    @Test
    void aWeeklySeriesIsLabelledByTheDatasOwnWeek() {
        GeneratedQuery q = ask("weekly flector trx in the last 8 weeks");
        assertThat(q.sql()).contains("AS week_ending").doesNotContain("DATE_TRUNC");
    }

    @Test
    void combinedPeriodsThatFollowEachOtherAreOnePeriod() {
        assertThat(ask("Levoxyl NRx in Q1 and Q2 2025 combined").sql())
                .contains("BETWEEN DATE '2025-01-01' AND DATE '2025-06-30'").doesNotContain("CASE WHEN");
        assertThat(refusal("flector units in 2023 and 2025 combined").getMessage()).contains("gap");
    }
}
