package io.nl2q.hub.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Pinecone through its documented data-plane REST API (upsert, query, delete on the index host), one namespace per
 * tenant. Embeddings are still computed in-process, so the index must have dimension 384 and the cosine metric.
 * (The Java SDK talks gRPC to the data plane, which a WireMock contract stub cannot replay; REST can.)
 */
@Component
@ConditionalOnProperty(name = "hub.retrieval.store", havingValue = "pinecone")
class PineconeSemanticIndex implements SemanticIndex {
    private final RestClient http;
    private final Embeddings embeddings;

    PineconeSemanticIndex(RetrievalProperties properties, Embeddings embeddings) {
        RetrievalProperties.Pinecone p = properties.pinecone();
        if (p.host() == null || p.host().isBlank() || p.apiKey() == null || p.apiKey().isBlank()) {
            throw new IllegalStateException("hub.retrieval.store=pinecone needs hub.retrieval.pinecone.host and "
                    + "hub.retrieval.pinecone.api-key (PINECONE_API_KEY)");
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(p.timeout());
        requests.setReadTimeout(p.timeout());
        this.http = RestClient.builder().baseUrl(p.host()).requestFactory(requests)
                .defaultHeader("Api-Key", p.apiKey())
                .defaultHeader("X-Pinecone-API-Version", p.apiVersion()).build();
        this.embeddings = embeddings;
    }

    @Override
    public void put(String tenantId, IndexedText text) {
        Map<String, Object> vector = Map.of("id", text.key(), "values", embeddings.embed(text.text()).vectorAsList(),
                "metadata", Map.of("kind", text.kind(), "id", text.id(), "text", text.text()));
        post("/vectors/upsert", Map.of("vectors", List.of(vector), "namespace", tenantId));
    }

    @Override
    public void remove(String tenantId, String kind, String id) {
        post("/vectors/delete", Map.of("ids", List.of(kind + ":" + id), "namespace", tenantId));
    }

    @Override
    public List<Match> search(String tenantId, String kind, String query, int max, double minScore) {
        JsonNode reply = post("/query", Map.of("namespace", tenantId,
                "vector", embeddings.embed(query).vectorAsList(), "topK", max, "includeMetadata", true,
                "includeValues", false, "filter", Map.of("kind", Map.of("$eq", kind))));
        List<Match> found = new ArrayList<>();
        for (JsonNode m : reply.path("matches")) {
            double score = m.path("score").asDouble();
            JsonNode meta = m.path("metadata");
            // the namespace and the filter already scope the search; checking again costs nothing
            if (score >= minScore && kind.equals(meta.path("kind").asText())) {
                found.add(new Match(kind, meta.path("id").asText(), meta.path("text").asText(), score));
            }
        }
        return found;
    }

    private JsonNode post(String path, Map<String, Object> body) {
        try {
            return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                    .body(JsonNode.class);
        } catch (RestClientException e) {
            throw new HubException(ErrorCode.INTERNAL, Phase.RETRIEVE, "the semantic index is unavailable", e);
        }
    }
}
