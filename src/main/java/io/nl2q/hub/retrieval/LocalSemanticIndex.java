package io.nl2q.hub.retrieval;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The embedded default: one in-memory embedding store per tenant, filled again from app state after a restart. */
@Component
@ConditionalOnProperty(name = "hub.retrieval.store", havingValue = "local", matchIfMissing = true)
class LocalSemanticIndex implements SemanticIndex {
    private final Embeddings embeddings;
    private final Map<String, InMemoryEmbeddingStore<TextSegment>> namespaces = new ConcurrentHashMap<>();

    LocalSemanticIndex(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public void put(String tenantId, IndexedText text) {
        TextSegment segment = TextSegment.from(text.text(), Metadata.from(Map.of("kind", text.kind(), "id", text.id())));
        InMemoryEmbeddingStore<TextSegment> store = namespace(tenantId);
        synchronized (store) {
            store.remove(text.key());
            store.addAll(List.of(text.key()), List.of(embeddings.embed(text.text())), List.of(segment));
        }
    }

    @Override
    public void remove(String tenantId, String kind, String id) {
        namespace(tenantId).remove(kind + ":" + id);
    }

    @Override
    public List<Match> search(String tenantId, String kind, String query, int max, double minScore) {
        InMemoryEmbeddingStore<TextSegment> store = namespaces.get(tenantId);
        if (store == null) {
            return List.of();
        }
        // LangChain4j reports relevance as (cosine + 1) / 2
        var request = EmbeddingSearchRequest.builder().queryEmbedding(embeddings.embed(query)).maxResults(max)
                .minScore((minScore + 1) / 2).filter(metadataKey("kind").isEqualTo(kind)).build();
        return store.search(request).matches().stream()
                .map(m -> new Match(kind, m.embedded().metadata().getString("id"), m.embedded().text(),
                        2 * m.score() - 1))
                .toList();
    }

    private InMemoryEmbeddingStore<TextSegment> namespace(String tenantId) {
        return namespaces.computeIfAbsent(tenantId, t -> new InMemoryEmbeddingStore<>());
    }
}
