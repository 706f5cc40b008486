package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import org.junit.jupiter.api.Test;

/** How words beyond their plain meaning are read, and that each such reading is shown in the answer. */
class ReadingTest extends PharmaDemoTest {

    @Test
    void membersNamedAsWhoDidAnActivityAreNoGrouping() {
        GeneratedQuery q = ask("call minutes our reps put in during 2024");
        assertThat(q.sql()).doesNotContain("GROUP BY").doesNotContain("rep_name");
        assertThat(q.explanation()).contains("How I read your question", "\"reps\" as who did the activity");
        assertThat(ask("which reps logged the most call minutes in 2024").sql()).contains("GROUP BY t.rep_name");
    }

    @Test
    void aTableBeforeItsOwnDimensionGroupsByTheDimensionOnly() {
        assertThat(ask("Cytomel TRx by prescriber specialty in 2024").sql()).contains("GROUP BY h.specialty ")
                .doesNotContain("hcp_id AS");
    }

    @Test
    void membersAfterHowManyAreCountedNotTheirActivities() {
        GeneratedQuery q = ask("how many family physicians received a Licart call in 2024");
        assertThat(q.sql()).contains("COUNT(DISTINCT h.hcp_id)").contains("EXISTS");
        assertThat(q.explanation()).contains("as a count of");
        // a distinct-count measure with another table named keeps the activity's own reading (the rep's calls)
        assertThat(ask("how many doctors did the Dallas rep reach in 2024").sql()).contains("COUNT(DISTINCT ca.hcp_id)");
    }

    @Test
    void aFractionOfOneMeasureThatIsAnotherIsTheirRatio() {
        GeneratedQuery q = ask("what fraction of Levoxyl TRx were new scripts in 2024");
        assertThat(q.sql()).contains("SUM(rw.nrx)").contains("NULLIF(SUM(rw.trx), 0)").doesNotContain("market");
        assertThat(q.explanation()).contains("nrx over trx");
    }

    @Test
    void idsAndNamesBesideThemAreOutputInstructions() {
        GeneratedQuery q = ask("top 2 Euthyrox prescribers in 2024 (id + name)");
        assertThat(q.sql()).contains("h.hcp_id AS hcp_id").contains("LIMIT 2").doesNotContain("COUNT(DISTINCT");
        assertThat(refusal("Euthyrox TRx by patient id in 2024").getMessage()).contains("patient");
    }

    @Test
    void numbersAfterADecileAreItsValuesAndAGapIsRefused() {
        assertThat(ask("Cytomel TRx from decile 9 or 10 doctors in 2024").sql()).contains("BETWEEN 9 AND 10")
                .doesNotContain("LIMIT");
        assertThat(refusal("Cytomel TRx from decile 7 or 10 doctors in 2024").getMessage()).contains("range");
    }

    @Test
    void periodsSaidAgainAreNotMorePeriods() {
        GeneratedQuery q = ask("Levoxyl TRx Q1 2024 vs Q2 2024 (quarter over quarter, Q1 to Q2)");
        assertThat(q.explanation()).contains("Q1 2024", "Q2 2024", "the same periods said again");
        assertThat(ask("Levoxyl TRx first half vs second half of 2024").explanation()).contains("H1 2024", "H2 2024");
    }

    @Test
    void declaredWordsAndValuesAreReadAndAnotherCompanysFieldForceIsRefused() {
        assertThat(ask("how many calls were emailed in 2024").sql()).contains("ca.channel = 'Email'");
        assertThat(ask("units of any diclofenac product in 2024").sql())
                .contains("p.molecule IN ('diclofenac epolamine', 'diclofenac sodium')");
        assertThat(ask("how many HCPs are not in CRM").sql()).contains("crm_account_id IS NULL");
        assertThat(refusal("Synthroid details by AbbVie reps in 2024").getMessage()).contains("our own side");
        assertThat(refusal("HCPs in CRM vs not in CRM").getMessage()).contains("one at a time");
    }

    @Test
    void theAskersOwnTerritoryRestrictsWithoutGrouping() {
        GeneratedQuery q = ask("I cover Seattle - Licart calls in 2024");
        assertThat(q.sql()).contains("t.territory_name = 'Seattle'").doesNotContain("formulary");
        assertThat(q.explanation()).contains("as who is asking");
    }
}
