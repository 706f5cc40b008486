package io.nl2q.hub.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process index with the real MiniLM model: paraphrases are found, unrelated questions and other tenants not. */
class LocalSemanticIndexTest {
    static final double THRESHOLD = new RetrievalProperties(null, null, null).verifiedThreshold();
    static final Embeddings EMBEDDINGS = new Embeddings();
    static LocalSemanticIndex index;

    @BeforeAll
    static void verifiedQuestions() {
        index = new LocalSemanticIndex(EMBEDDINGS);
        index.put("acme", new IndexedText("verified", "1", "top 10 prescribers by TRx for Tirosint in Q4 2024"));
        index.put("acme", new IndexedText("verified", "2", "monthly NRx trend for Flector in 2025"));
        index.put("acme", new IndexedText("model", "hcp", "table hcp (hcp_id, npi, full_name, specialty)"));
        index.put("globex", new IndexedText("verified", "9", "list the reps in the West"));
    }

    @Test
    void aParaphraseOfAVerifiedQuestionIsFoundAboveTheThreshold() {
        List<Match> found = index.search("acme", "verified", "who were the 10 biggest Tirosint prescribers by TRx in Q4 2024",
                3, THRESHOLD);
        System.out.println("paraphrase " + found);
        assertThat(found).extracting(Match::id).first().isEqualTo("1");
        List<Match> trend = index.search("acme", "verified", "Flector NRx by month in 2025", 3, THRESHOLD);
        System.out.println("trend " + trend);
        assertThat(trend).extracting(Match::id).first().isEqualTo("2");
    }

    @Test
    void anUnrelatedQuestionIsNotFound() {
        for (String q : List.of("what will the weather be tomorrow", "average salary of our reps",
                "how many patients had side effects")) {
            System.out.println(q + " " + index.search("acme", "verified", q, 3, -1));
            assertThat(index.search("acme", "verified", q, 3, THRESHOLD)).as(q).isEmpty();
        }
    }

    @Test
    void anotherTenantsTextsAreNeverFound() {
        assertThat(index.search("globex", "verified", "top 10 prescribers by TRx for Tirosint in Q4 2024", 5, -1))
                .extracting(Match::id).containsExactly("9");
        assertThat(index.search("acme", "verified", "list the reps in the West", 5, -1))
                .extracting(Match::id).doesNotContain("9");
        assertThat(index.search("initech", "verified", "list the reps in the West", 5, -1)).isEmpty();
    }

    @Test
    void searchesStayWithinTheirKindAndReplacedTextsAreSearchedByTheirNewText() {
        assertThat(index.search("acme", "model", "prescriber specialty", 5, -1)).extracting(Match::id)
                .containsExactly("hcp");
        index.put("acme", new IndexedText("verified", "3", "TRx by region in 2024"));
        index.put("acme", new IndexedText("verified", "3", "calls by rep in 2024"));
        assertThat(index.search("acme", "verified", "calls by rep in 2024", 1, -1).get(0).text())
                .isEqualTo("calls by rep in 2024");
        index.remove("acme", "verified", "3");
        assertThat(index.search("acme", "verified", "calls by rep in 2024", 5, -1)).extracting(Match::id)
                .doesNotContain("3");
    }
}
