package io.nl2q.hub.events;

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
 * The hub's event publisher: CloudEvents 1.0 structured JSON, keyed by tenant, where {@code hub.events.publish-uri}
 * says (a Kafka topic in production). Every replica's {@code DataChangeEvents} (the answer cache's) then forgets its cached answers that
 * read the changed tables. The CRM sync announces {@code io.nl2q.data.changed}; the BOAST route its own richer event.
 */
@Component
public class HubEvents {
    /** The type of the event that says a tenant's tables changed. */
    public static final String DATA_CHANGED = "io.nl2q.data.changed";
    private static final Logger log = LoggerFactory.getLogger(HubEvents.class);
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public HubEvents(CamelContext camel, ProducerTemplate producer, ObjectMapper json) {
        this.camel = camel;
        this.producer = producer;
        this.json = json;
    }

    /** Announces that {@code tables} of {@code tenant} changed. */
    public void dataChanged(String tenant, Collection<String> tables, String source) {
        if (tables.isEmpty()) {
            return;
        }
        ObjectNode event = event(tenant, source, DATA_CHANGED);
        ObjectNode data = event.putObject("data").put("tenant", tenant);
        tables.forEach(data.putArray("tables")::add);
        publish(tenant, event.toString());
    }

    /** A CloudEvents 1.0 envelope of a tenant's event, without its data. */
    public ObjectNode event(String tenant, String source, String type) {
        return json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/nl2q-hub/" + source + "/" + tenant)
                .put("type", type)
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("tenantid", tenant);
    }

    /**
     * Publishes an event of {@code tenant}, keyed by it (on Kafka, one tenant's events stay in order on one
     * partition). A channel that is down is logged, not thrown: the data are committed, and cached answers expire
     * on their own (hub.query.cache.ttl).
     */
    public void publish(String tenant, String event) {
        try {
            producer.sendBodyAndHeaders(camel.resolvePropertyPlaceholders("{{hub.events.publish-uri}}"), event,
                    Map.of("kafka.KEY", tenant, "content-type", "application/cloudevents+json; charset=UTF-8"));
        } catch (RuntimeException e) {
            log.warn("could not publish an event of tenant {}: {}", tenant, e.getMessage());
        }
    }
}
