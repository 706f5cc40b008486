package io.nl2q.hub.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes that a tenant's tables changed ({@code io.nl2q.data.changed}, CloudEvents 1.0 structured JSON keyed by
 * tenant) where the hub publishes its events ({@code hub.events.publish-uri}: a Kafka topic in production). Every
 * replica's {@link DataChangeEvents} then forgets its cached answers that read those tables. For writers of tenant
 * data outside a route (the CRM sync); the BOAST route publishes its own richer event.
 */
@Component
public class DataChanges {
    private static final Logger log = LoggerFactory.getLogger(DataChanges.class);
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public DataChanges(CamelContext camel, ProducerTemplate producer, ObjectMapper json) {
        this.camel = camel;
        this.producer = producer;
        this.json = json;
    }

    /**
     * Announces the change; a channel that is down is logged, not thrown: the data are committed, and cached answers
     * expire on their own (hub.query.cache.ttl).
     */
    public void changed(String tenant, Collection<String> tables, String source) {
        if (tables.isEmpty()) {
            return;
        }
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/nl2q-hub/" + source + "/" + tenant)
                .put("type", DataChangeEvents.DATA_CHANGED)
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("tenantid", tenant);
        ObjectNode data = event.putObject("data").put("tenant", tenant);
        tables.forEach(data.putArray("tables")::add);
        try {
            producer.sendBodyAndHeaders(camel.resolvePropertyPlaceholders("{{hub.events.publish-uri}}"),
                    event.toString(), Map.of("kafka.KEY", tenant,
                            "content-type", "application/cloudevents+json; charset=UTF-8"));
        } catch (RuntimeException e) {
            log.warn("could not announce that {} of tenant {} changed: {}", tables, tenant, e.getMessage());
        }
    }
}
