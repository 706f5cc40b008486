package io.nl2q.hub.boast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nl2q.hub.events.HubEvents;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import org.springframework.stereotype.Component;

/**
 * After a load: the event published where the hub publishes its events (hub.events.publish-uri: in-process on the
 * embedded default, Kafka in production), CloudEvents 1.0 structured JSON keyed by tenant. Its consumers (route query-cache-invalidate) forget the tenant's cached answers that read the table and
 * refresh what else holds its values (query/TenantDataListener).
 */
@Component("boastEvents")
public class BoastEvents {
    static final String LOADED = "io.nl2q.hub.boast.file.loaded";
    private final WarehouseRegistry warehouses;
    private final HubEvents events;

    BoastEvents(WarehouseRegistry warehouses, HubEvents events) {
        this.warehouses = warehouses;
        this.events = events;
    }

    /** Publishes the event of a loaded file; a channel that is down is logged, the load stays committed. */
    public void publishLoaded(InboundFile file, LoadOutcome outcome) {
        events.publish(file.tenant(), loaded(file, outcome));
    }

    /** The event of a loaded file. */
    String loaded(InboundFile file, LoadOutcome outcome) {
        var tenant = warehouses.forTenant(file.tenant()).tenant();
        ObjectNode event = events.event(tenant.id(), "boast", LOADED).put("subject", file.name());
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
