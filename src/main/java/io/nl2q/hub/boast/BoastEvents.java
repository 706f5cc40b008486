package io.nl2q.hub.boast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * After a load: the event published on {@code seda:hub-events} (Kafka in production), CloudEvents 1.0 structured
 * JSON. Its consumers (route query-cache-invalidate) forget the tenant's cached answers that read the table and
 * refresh what else holds its values (query/TenantDataListener).
 */
@Component("boastEvents")
public class BoastEvents {
    static final String LOADED = "io.nl2q.hub.boast.file.loaded";
    private final WarehouseRegistry warehouses;
    private final ObjectMapper json;

    BoastEvents(WarehouseRegistry warehouses, ObjectMapper json) {
        this.warehouses = warehouses;
        this.json = json;
    }

    /** The event of a loaded file. */
    public String loaded(InboundFile file, LoadOutcome outcome) {
        var tenant = warehouses.forTenant(file.tenant()).tenant();
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
