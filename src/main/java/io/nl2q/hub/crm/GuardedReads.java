package io.nl2q.hub.crm;

import io.nl2q.hub.pipeline.WarehouseReads;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The CRM feature's reads of a tenant warehouse: through the read route (guard, read-only execution, audit row, PII
 * policy), like any query, each recorded with its purpose.
 */
@Component
class GuardedReads {
    /** Salesforce record ids: 15 or 18 alphanumeric characters. */
    private static final Pattern CRM_ID = Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");
    private final WarehouseReads reads;
    private final WarehouseRegistry warehouses;

    GuardedReads(WarehouseReads reads, WarehouseRegistry warehouses) {
        this.reads = reads;
        this.warehouses = warehouses;
    }

    QueryResult query(Caller caller, String purpose, CharSequence sql, int maxRows) {
        return reads.read(caller, purpose, sql, maxRows);
    }

    /** A read the hub makes on its own (the insight analysis), as a machine caller of the tenant. */
    QueryResult query(String tenant, String purpose, String sql, int maxRows) {
        Caller hub = new Caller(warehouses.forTenant(tenant).tenant(), "crm:" + purpose, Set.of(Role.INTEGRATION));
        return reads.read(hub, purpose, sql, maxRows);
    }

    static boolean isCrmId(String id) {
        return id != null && CRM_ID.matcher(id).matches();
    }
}
