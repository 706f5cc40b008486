package io.nl2q.hub.retrieval;

import java.util.List;

/**
 * Semantic search over texts of one tenant (semantic-model elements, verified questions): each tenant is its own
 * namespace, so a search never returns another tenant's texts. In-process by default, Pinecone in production.
 */
public interface SemanticIndex {

    /** Adds the text, or replaces the one with the same kind and id. */
    void put(String tenantId, IndexedText text);

    void remove(String tenantId, String kind, String id);

    /**
     * The tenant's texts of this kind closest in meaning to {@code query}, best first, with a cosine similarity of at
     * least {@code minScore} (-1..1).
     */
    List<Match> search(String tenantId, String kind, String query, int max, double minScore);
}
