package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number compared with is never read as a number of rows: a count question must not be answered with a list. */
class ThresholdTest extends PharmaDemoTest {

    @Test
    void aComparedNumberIsRefusedNotTakenAsARowLimit() {
        for (String question : new String[] {
                "how many prescribers wrote more than 30 Levoxyl scripts in 2024",
                "territories with over 1,500 Cytomel TRx in 2025",
                "which reps made at least 120 calls in 2024",
                "how many HCPs had 12 or more Flector TRx in 2025",
                "HCPs who wrote more than 50 Flector NRx in 2024"}) {
            assertThat(refusal(question).getMessage()).as(question).contains("as a threshold");
        }
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
