package io.nl2q.hub.boast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a load: every {@link TableChangeListener} is told which tables of which tenant changed, and the event
 * published on {@code seda:hub-events} (Kafka in production) is built, CloudEvents 1.0 structured JSON.
 */
@Component("boastEvents")
public class BoastEvents {
    static final String LOADED = "io.nl2q.hub.boast.file.loaded";
    private static final Logger LOG = LoggerFactory.getLogger(BoastEvents.class);
    private final List<TableChangeListener> listeners;
    private final WarehouseRegistry warehouses;
    private final ObjectMapper json;

    BoastEvents(List<TableChangeListener> listeners, WarehouseRegistry warehouses, ObjectMapper json) {
        this.listeners = List.copyOf(listeners);
        this.warehouses = warehouses;
        this.json = json;
    }

    /** Notifies the listeners of a loaded file; returns its event. */
    public String loaded(InboundFile file, LoadOutcome outcome) {
        var tenant = warehouses.forTenant(file.tenant()).tenant();
        for (TableChangeListener listener : listeners) {
            try {
                listener.tablesChanged(tenant, Set.of(outcome.table()));
            } catch (RuntimeException e) {
                // the load is committed; a listener that fails must not make it look failed
                LOG.warn("table change listener {} failed for {} of {}", listener, outcome.table(), tenant.id(), e);
            }
        }
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/nl2q-hub/boast/" + tenant.id())
                .put("type", LOADED)
                .put("subject", file.name())
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("tenantid", tenant.id());
        event.putObject("data")
                .put("tenant", tenant.id())
                .put("file", file.name())
                .put("sha256", file.sha256())
                .put("contract", outcome.contract())
                .put("table", outcome.table())
                .put("rowsRead", outcome.rowsRead())
                .put("rowsLoaded", outcome.rowsLoaded())
                .put("badRows", outcome.badRows());
        return event.toString();
    }
}
