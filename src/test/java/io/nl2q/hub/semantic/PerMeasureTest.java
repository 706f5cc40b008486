package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import org.junit.jupiter.api.Test;

/** A measure per another measure is one ratio column, never the two measures side by side. */
class PerMeasureTest extends PharmaDemoTest {

    @Test
    void aMeasurePerAnotherOfTheSameActivityIsTheirRatio() {
        GeneratedQuery q = ask("Levoxyl units per TRx by region in 2024");
        assertThat(q.sql()).contains("(SUM(rw.units)) * 1.0 / NULLIF(SUM(rw.trx), 0)").contains("GROUP BY t.region")
                .doesNotContain("SUM(rw.trx) AS");
        assertThat(q.explanation()).contains("as the ratio of the two measures");
        assertThat(ask("Flector calls per HCP reached in 2024").sql())
                .contains("(COUNT(ca.call_id)) * 1.0 / NULLIF(COUNT(DISTINCT ca.hcp_id), 0)");
    }

    @Test
    void aRatioAcrossTwoActivitiesIsEachOnItsOwnThenTheRatio() {
        assertThat(ask("Flector TRx per call by territory in 2025").sql()).startsWith("WITH m1 AS")
                .contains("AS trx_per_calls");
        // two measures asked together stay two columns
        assertThat(ask("Flector TRx and NRx in 2025").sql()).contains("SUM(rw.trx) AS trx").contains("SUM(rw.nrx) AS nrx");
    }
}
