package io.nl2q.hub.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.events.HubEvents;
import io.nl2q.hub.events.TenantDataListener;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads hub events (CloudEvents JSON) and forgets the cached answers of a tenant whose data changed, then tells the
 * {@link TenantDataListener}s. Understands
 * {@code io.nl2q.data.changed} with {@code tenant} and {@code tables}, top-level or under {@code data}, and the BOAST
 * {@code io.nl2q.hub.boast.file.loaded} event with {@code data.tenant} and {@code data.table}; ignores other events.
 */
@Component("dataChangeEvents")
public class DataChangeEvents {
    static final String BOAST_LOADED = "io.nl2q.hub.boast.file.loaded";
    private static final Logger log = LoggerFactory.getLogger(DataChangeEvents.class);
    private final ObjectMapper json;
    private final AnswerCache cache;
    private final List<TenantDataListener> listeners;

    DataChangeEvents(ObjectMapper json, AnswerCache cache, List<TenantDataListener> listeners) {
        this.json = json;
        this.cache = cache;
        this.listeners = List.copyOf(listeners);
    }

    /** Returns the tenant whose answers were forgotten, or null when the event is not a data change. */
    public String apply(String event) {
        JsonNode root;
        try {
            root = json.readTree(event);
        } catch (JsonProcessingException e) {
            log.warn("ignoring a hub event that is not JSON: {}", e.getOriginalMessage());
            return null;
        }
        String type = root.path("type").asText("");
        if (!type.equals(HubEvents.DATA_CHANGED) && !type.equals(BOAST_LOADED)) {
            return null;
        }
        JsonNode data = root.path("data").isObject() ? root.path("data") : root;
        String tenant = text(data, "tenant", text(root, "tenant", text(root, "tenantid", null)));
        if (tenant == null) {
            log.warn("ignoring {} event {} without a tenant", type, root.path("id").asText(""));
            return null;
        }
        Set<String> tables = new LinkedHashSet<>();
        data.path("tables").forEach(t -> tables.add(t.asText()));
        root.path("tables").forEach(t -> tables.add(t.asText()));
        if (data.hasNonNull("table")) {
            tables.add(data.get("table").asText());
        }
        cache.invalidate(tenant, tables);
        listeners.forEach(l -> l.dataChanged(tenant, Set.copyOf(tables)));
        return tenant;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : otherwise;
    }
}
