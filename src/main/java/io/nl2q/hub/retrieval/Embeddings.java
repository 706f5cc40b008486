package io.nl2q.hub.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings computed in-process with all-MiniLM-L6-v2 (quantized, 384 dimensions), which ships inside its
 * Maven artifact: no network, no key. Loaded on first use so a hub that never searches never pays for it.
 */
@Component
class Embeddings {
    static final int DIMENSIONS = 384;
    private volatile EmbeddingModel model;

    Embedding embed(String text) {
        return model().embed(text).content();
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }
}
