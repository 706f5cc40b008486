package io.nl2q.hub.retrieval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The elements of a tenant's semantic model most relevant to a question, indexed on the tenant's first search. */
@Component
public class ModelRetrieval {
    static final String KIND = "model";
    private final SemanticIndex index;
    private final ModelElements elements;
    private final Map<String, Boolean> indexed = new ConcurrentHashMap<>();

    ModelRetrieval(SemanticIndex index, ModelElements elements) {
        this.index = index;
        this.elements = elements;
    }

    public List<String> relevant(String tenantId, String question, int max) {
        indexed.computeIfAbsent(tenantId, t -> {
            elements.of(t).forEach(e -> index.put(t, new IndexedText(KIND, e.id(), e.text())));
            return true;
        });
        return index.search(tenantId, KIND, question, max, -1).stream().map(Match::text).toList();
    }
}
