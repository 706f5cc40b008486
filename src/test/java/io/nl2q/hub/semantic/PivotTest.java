package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a question puts across becomes a column each; what it puts down the side stays a row each. */
class PivotTest extends PharmaDemoTest {

    @Test
    void aDimensionAcrossIsAColumnForEachOfItsValues() {
        String sql = ask("2024 calls by region, one column per channel").sql();
        assertThat(sql).contains("AS calls_in_person").contains("AS calls_email").contains("GROUP BY t.region")
                .doesNotContain("ca.channel AS");
        assertThat(rows(sql)).hasSize(5);
    }

    @Test
    void listedValuesAreTheColumnsAndNothingElse() {
        String sql = ask("Cytomel vs Levoxyl NRx by payer channel in 2025, a column for each product").sql();
        assertThat(sql).contains("AS nrx_cytomel").contains("AS nrx_levoxyl").doesNotContain("AS nrx_synthroid");
    }

    @Test
    void periodsAcrossAreAColumnEach() {
        List<List<Object>> r = rows(ask("Flector units by region with 2023, 2024 and 2025 as columns").sql());
        assertThat(r).hasSize(5).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(ask("specialties down the side, quarters of 2024 across the top, Synthroid TRx").sql())
                .contains("AS trx_q1_2024").contains("AS trx_q4_2024").contains("GROUP BY h.specialty");
    }

    @Test
    void withNothingToPutAcrossItIsRefused() {
        assertThat(refusal("Synthroid TRx in 2025 with one column per").getMessage()).contains("columns");
    }
}
