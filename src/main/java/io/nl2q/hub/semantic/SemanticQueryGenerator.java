package io.nl2q.hub.semantic;

import io.nl2q.hub.query.GeneratedQuery;
import io.nl2q.hub.query.QueryGenerator;
import io.nl2q.hub.query.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The question flow's query generator: the semantic engine over the model file, reading each caller's own tenant
 * warehouse. The model is loaded and validated at start, so a broken model stops the hub instead of a question.
 */
@Component("queryGenerator")
class SemanticQueryGenerator implements QueryGenerator {
    private final SemanticEngine engine;
    private final WarehouseRegistry warehouses;

    SemanticQueryGenerator(WarehouseRegistry warehouses,
                           @Value("${hub.semantic.model:config/semantic/pharma.yaml}") String modelFile) {
        this.warehouses = warehouses;
        this.engine = SemanticEngine.load(Path.of(modelFile));
    }

    @Override
    public GeneratedQuery generate(Question question, Caller caller) {
        return engine.generate(question.text(), warehouses.forTenant(caller.tenant().id()));
    }
}
