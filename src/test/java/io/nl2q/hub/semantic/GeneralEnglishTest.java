package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import org.junit.jupiter.api.Test;

/** Words the model does not declare, read through WordNet: what is dropped, what is refused, and that it is shown. */
class GeneralEnglishTest extends PharmaDemoTest {

    @Test
    void aVerbWordNetKnowsOnlyAsAVerbIsDroppedWhenTheMeasureIsNamed() {
        GeneratedQuery q = ask("how many TRx did Cytomel amass in 2024");
        assertThat(q.sql()).isEqualTo(ask("Cytomel TRx in 2024").sql());
        assertThat(q.explanation()).contains("Ignored as carrying no data meaning: amass");
        // with no measure named the verb is the only word saying what to compute: refused, not the default measure
        assertThat(refusal("what did Cytomel amass in 2024").getMessage()).contains("amass");
    }

    @Test
    void aMannerAdverbIsDroppedButNotOneThatRestrictsTheQuestion() {
        assertThat(ask("historically, what were Levoxyl NRx in 2024").explanation()).contains("historically");
        assertThat(refusal("Levoxyl writers who previously wrote in 2024").getMessage()).contains("previously");
    }

    @Test
    void aVerbThatChangesTheQuestionIsRefusedEvenThoughWordNetKnowsIt() {
        assertThat(refusal("HCPs who ceased writing Cytomel in 2024").getMessage()).contains("ceased");
        assertThat(refusal("predict Levoxyl TRx in 2024").getMessage()).contains("predict");
    }

    @Test
    void anUnknownNounMayNameDataAndIsRefused() {
        assertThat(refusal("Levoxyl revenue in 2024").getMessage()).contains("revenue");
        // a noun that is a verb's form in WordNet is no form of the verb's model word: "marketing" is not "market"
        assertThat(refusal("marketing spend per brand").getMessage()).contains("marketing");
    }

    @Test
    void anIrregularFormIsReadByItsDictionaryForm() {
        GeneratedQuery q = ask("Euthyrox TRx the Boston rep's doctors wrote in 2024");
        assertThat(q.explanation()).doesNotContain("Ignored as carrying no data meaning: wrote");
        assertThat(WordNet.shared().lookup("wrote").baseForms()).containsExactly("write");
        assertThat(WordNet.shared().lookup("wrote").onlyVerb()).isTrue();
        assertThat(WordNet.shared().lookup("nbrx").known()).isFalse();
    }

    @Test
    void theSameQuarterLastYearIsTheFirstPeriodsQuarterAYearBefore() {
        GeneratedQuery q = ask("Levoxyl TRx Q3 2024 vs the same quarter a year ago");
        assertThat(q.explanation()).contains("Q3 2023", "Q3 2024");
        assertThat(ask("Levoxyl TRx same quarter last year").explanation()).contains("a year before, Q4 2024");
    }

    @Test
    void sideBySideSetsTheMembersBesideEachOtherAColumnEach() {
        assertThat(ask("Levoxyl and Cytomel TRx side by side by quarter in 2024").sql())
                .contains("AS trx_levoxyl").contains("AS trx_cytomel").doesNotContain("p.product_name AS");
        assertThat(ask("Levoxyl and Cytomel TRx by quarter in 2024").sql()).contains("p.product_name AS product_name");
    }
}
