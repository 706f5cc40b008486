package io.nl2q.hub.retrieval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Semantic search ({@code hub.retrieval}).
 *
 * @param store             {@code local} (in-process embeddings and store) or {@code pinecone}
 * @param verifiedThreshold cosine similarity a question needs to a verified question to be answered from it
 * @param pinecone          the Pinecone index, when {@code store} is {@code pinecone}
 */
@ConfigurationProperties("hub.retrieval")
public record RetrievalProperties(String store, Double verifiedThreshold, Pinecone pinecone) {
    public RetrievalProperties {
        store = store == null ? "local" : store;
        verifiedThreshold = verifiedThreshold == null ? 0.8 : verifiedThreshold;
        pinecone = pinecone == null ? new Pinecone(null, null, null, null) : pinecone;
    }

    /**
     * @param host       the index host, e.g. {@code https://hub-abc123.svc.us-east1-gcp.pinecone.io} (dimension 384, cosine)
     * @param apiKey     from the environment ({@code PINECONE_API_KEY})
     * @param apiVersion the {@code X-Pinecone-API-Version} sent
     * @param timeout    per request
     */
    public record Pinecone(String host, String apiKey, String apiVersion, Duration timeout) {
        public Pinecone {
            apiVersion = apiVersion == null ? "2025-04" : apiVersion;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        }
    }
}
