package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number compared with is a threshold on each member's total, never a number of rows: a count stays one number. */
class ThresholdTest extends PharmaDemoTest {

    @Test
    void aComparedNumberKeepsTheMembersPastItAndACountIsOneNumber() {
        String count = ask("how many prescribers wrote more than 30 Levoxyl scripts in 2024").sql();
        assertThat(count).startsWith("SELECT COUNT(*) AS hcp_count FROM (").contains("s.trx > 30").doesNotContain("LIMIT");
        assertThat(ask("territories with over 1,500 Cytomel TRx in 2025").sql()).contains("s.trx > 1500")
                .contains("GROUP BY t.territory_id, t.territory_name").doesNotContain("LIMIT");
        assertThat(ask("which reps made at least 120 calls in 2024").sql()).contains("s.calls >= 120");
        assertThat(ask("how many HCPs had 12 or more Flector TRx in 2025").sql()).contains("s.trx >= 12");
        assertThat(ask("payers with fewer than 300 Licart TRx in 2024").sql()).contains("s.trx < 300");
        assertThat(ask("HCPs called at least 5 times in 2025").sql()).contains("COUNT(ca.call_id) AS calls")
                .contains("s.calls >= 5");
    }

    @Test
    void anAmountWithASeparatorIsNeverAYear() {
        assertThat(ask("which territories topped 2,000 calls in 2025").sql()).contains("s.calls > 2000")
                .contains("2025-01-01").doesNotContain("2000-01-01");
    }

    @Test
    void aThresholdWithNoMeasureOrNoMembersIsRefused() {
        assertThat(refusal("how many HCPs are above 40 in 2025").getMessage()).contains("which measure");
        assertThat(refusal("Levoxyl TRx over 40 in 2024").getMessage()).contains("which members");
    }

    @Test
    void rankingsAndValueRangesKeepTheirNumbers() {
        assertThat(ask("top 4 territories by Cytomel TRx in 2025").sql()).contains("LIMIT 4");
        assertThat(ask("which 3 reps had the most calls in 2024").sql()).contains("LIMIT 3");
        assertThat(ask("Cytomel TRx from decile 8 or more doctors in 2024").sql()).contains(">= 8")
                .doesNotContain("LIMIT");
    }

    @Test
    void atLeastOneIsTheActivityItself() {
        assertThat(ask("how many HCPs wrote at least one Levoxyl script in 2024").sql())
                .isEqualTo(ask("how many HCPs wrote Levoxyl in 2024").sql());
    }
}
