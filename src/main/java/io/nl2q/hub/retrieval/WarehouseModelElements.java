package io.nl2q.hub.retrieval;

import io.nl2q.hub.warehouse.WarehouseSchema;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until the semantic model provides its own elements, one element per warehouse table: its name and columns. */
@Configuration(proxyBeanMethods = false)
class WarehouseModelElements {

    @Bean
    @ConditionalOnMissingBean(ModelElements.class)
    ModelElements warehouseSchemaElements() {
        List<IndexedText> tables = WarehouseSchema.TABLES.stream()
                .map(t -> new IndexedText("model", t.name(), "table " + t.name() + " (" + String.join(", ",
                        t.columnNames()) + ")"))
                .toList();
        return tenantId -> tables;
    }
}
