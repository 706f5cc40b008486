package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.query.GeneratedQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No word is silently dropped or reinterpreted: each is read into the answer or the question is refused. */
class WordSafetyTest {
    static DuckDbWarehouse warehouse;
    static SemanticEngine engine;

    @BeforeAll
    static void open() throws Exception {
        warehouse = new DuckDbWarehouse(DemoWarehouses.acme(), DemoWarehouses.SCHEMA);
        engine = SemanticEngine.load(Path.of("config/semantic/pharma.yaml"));
    }

    @AfterAll
    static void close() throws Exception {
        warehouse.close();
    }

    private GeneratedQuery ask(String question) {
        return engine.generate(question, warehouse);
    }

    private String refusal(String question) {
        try {
            ask(question);
        } catch (HubException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.UNANSWERABLE);
            return e.getMessage();
        }
        throw new AssertionError("answered: " + question);
    }

    @Test
    void aDerivedWordIsNoTypoOfAShorterKnownWord() {
        assertThat(refusal("flector nrx by county in 2024")).contains("county");
    }

    @Test
    void aNounAmongTheFunctionWordsAfterADataWordIsNotDropped() {
        assertThat(refusal("levoxyl trx by brand team")).contains("team");
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
    void aWholeTableAfterVersusAndAChangePerPeriodOfALongerSpanAreRefused() {
        assertThat(refusal("Cytomel TRx versus plan in 2024")).contains("vs");
        assertThat(refusal("MoM Levoxyl NRx growth in 2024")).contains("month-over-month");
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
        assertThat(refusal("flector units in 2023 and 2025 combined")).contains("gap");
    }
}
