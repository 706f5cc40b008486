package io.nl2q.hub.retrieval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Pinecone adapter against a stub replaying the documented data-plane REST requests and responses. */
class PineconeSemanticIndexTest {
    static WireMockServer pinecone;
    static PineconeSemanticIndex index;

    @BeforeAll
    static void start() {
        pinecone = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        pinecone.start();
        index = new PineconeSemanticIndex(new RetrievalProperties("pinecone", null,
                new RetrievalProperties.Pinecone(pinecone.baseUrl(), "pc-test-key", null, Duration.ofSeconds(2))),
                LocalSemanticIndexTest.EMBEDDINGS);
    }

    @AfterAll
    static void stop() {
        pinecone.stop();
    }

    @BeforeEach
    void reset() {
        pinecone.resetAll();
    }

    @Test
    void upsertsIntoTheTenantsNamespaceWithKindAndText() {
        pinecone.stubFor(post("/vectors/upsert").willReturn(okJson("{\"upsertedCount\": 1}")));
        index.put("acme", new IndexedText("verified", "12", "list the reps in the West"));
        pinecone.verify(postRequestedFor(urlEqualTo("/vectors/upsert"))
                .withHeader("Api-Key", equalTo("pc-test-key"))
                .withHeader("X-Pinecone-API-Version", equalTo("2025-04"))
                .withRequestBody(matchingJsonPath("$.namespace", equalTo("acme")))
                .withRequestBody(matchingJsonPath("$.vectors[0].id", equalTo("verified:12")))
                .withRequestBody(matchingJsonPath("$.vectors[0].metadata.kind", equalTo("verified")))
                .withRequestBody(matchingJsonPath("$.vectors[0].metadata.text", equalTo("list the reps in the West")))
                .withRequestBody(matchingJsonPath("$.vectors[0].values.length()", equalTo("384"))));
    }

    @Test
    void queriesTheTenantsNamespaceFilteredByKindAndKeepsMatchesAboveTheScore() {
        pinecone.stubFor(post("/query").willReturn(okJson("""
                {"matches": [
                  {"id": "verified:12", "score": 0.91, "metadata": {"kind": "verified", "id": "12", "text": "list the reps in the West"}},
                  {"id": "verified:13", "score": 0.42, "metadata": {"kind": "verified", "id": "13", "text": "TRx by region"}}
                 ], "namespace": "acme", "usage": {"readUnits": 5}}""")));
        assertThat(index.search("acme", "verified", "who are the western reps", 3, 0.8))
                .containsExactly(new Match("verified", "12", "list the reps in the West", 0.91));
        pinecone.verify(postRequestedFor(urlEqualTo("/query"))
                .withRequestBody(matchingJsonPath("$.namespace", equalTo("acme")))
                .withRequestBody(matchingJsonPath("$.topK", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.includeMetadata", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.filter", equalToJson("{\"kind\": {\"$eq\": \"verified\"}}")))
                .withRequestBody(matchingJsonPath("$.vector.length()", equalTo("384"))));
    }

    @Test
    void deletesByIdInTheTenantsNamespace() {
        pinecone.stubFor(post("/vectors/delete").willReturn(okJson("{}")));
        index.remove("globex", "verified", "7");
        pinecone.verify(postRequestedFor(urlEqualTo("/vectors/delete"))
                .withRequestBody(equalToJson("{\"ids\": [\"verified:7\"], \"namespace\": \"globex\"}")));
    }

    @Test
    void anUnavailableOrThrottlingIndexIsACategorizedError() {
        pinecone.stubFor(post("/query").willReturn(aResponse().withStatus(429).withBody("{\"code\": 8}")));
        assertThatThrownBy(() -> index.search("acme", "verified", "x", 3, 0.8))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
        pinecone.stubFor(post("/query").willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> index.search("acme", "verified", "x", 3, 0.8)).isInstanceOf(HubException.class);
    }
}
