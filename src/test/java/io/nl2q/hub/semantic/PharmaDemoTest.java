package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.pipeline.GeneratedQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pharma model over the generated demo warehouse, opened once per test class: ask a question or expect a refusal. */
abstract class PharmaDemoTest {
    static DuckDbWarehouse warehouse;
    static SemanticEngine engine;

    @BeforeAll
    static void open() throws Exception {
        warehouse = new DuckDbWarehouse(DemoWarehouses.acme(), DemoWarehouses.SCHEMA);
        engine = SemanticEngine.load(Path.of("config/semantic/pharma.yaml"));
    }

    @AfterAll
    static void close() throws Exception {
        warehouse.close();
    }

    GeneratedQuery ask(String question) {
        return engine.generate(question, warehouse);
    }

    /** The rows {@code sql} returns on the demo warehouse. */
    java.util.List<java.util.List<Object>> rows(String sql) {
        return warehouse.query(sql, java.util.List.of(), java.time.Duration.ofSeconds(30), 1000).rows();
    }

    /** The refusal of {@code question}, which must be refused as unanswerable. */
    HubException refusal(String question) {
        try {
            ask(question);
        } catch (HubException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.UNANSWERABLE);
            return e;
        }
        throw new AssertionError("answered: " + question);
    }
}
