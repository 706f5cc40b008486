package io.nl2q.hub.semantic;

import io.nl2q.hub.events.TenantDataListener;
import io.nl2q.hub.pipeline.DataAsOf;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.pipeline.ModelVersion;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The question flow's query generator: the semantic engine over the model file, reading each caller's own tenant
 * warehouse. The model is loaded and validated at start, so a broken model stops the hub instead of a question.
 */
@Component("queryGenerator")
class SemanticQueryGenerator implements QueryGenerator, ModelVersion, DataAsOf, TenantDataListener {
    private final SemanticEngine engine;
    private final WarehouseRegistry warehouses;
    private final String version;

    SemanticQueryGenerator(WarehouseRegistry warehouses,
                           @Value("${hub.semantic.model:config/semantic/pharma.yaml}") String modelFile)
            throws IOException {
        this.warehouses = warehouses;
        this.engine = SemanticEngine.load(Path.of(modelFile));
        this.version = contentHash(Path.of(modelFile));
    }

    private static String contentHash(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The model file's content hash: an edited model never serves answers cached under the old one. */
    @Override
    public String of(String tenantId) {
        return version;
    }

    /** The latest date in the tenant's warehouse, as the engine resolves "last week" against. */
    @Override
    public Optional<LocalDate> asOf(String tenantId) {
        return engine.asOf(warehouses.forTenant(tenantId));
    }

    SemanticEngine.Terms terms(String tenantId) {
        return engine.terms(warehouses.forTenant(tenantId));
    }

    /** New partner or CRM data may hold new values (a product, a territory) and a later as-of date. */
    @Override
    public void dataChanged(String tenantId, Set<String> tables) {
        engine.forget(tenantId);
    }

    @Override
    public GeneratedQuery generate(Question question, Caller caller) {
        return engine.generate(question.text(), warehouses.forTenant(caller.tenant().id()));
    }
}
