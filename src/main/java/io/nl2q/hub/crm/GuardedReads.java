package io.nl2q.hub.crm;

import io.nl2q.hub.query.GuardStep;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The CRM feature's reads of a tenant warehouse: through the SQL guard and the read-only executor, like any query. */
@Component
class GuardedReads {
    /** Salesforce record ids: 15 or 18 alphanumeric characters; nothing else is ever put in a literal. */
    private static final Pattern CRM_ID = Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");
    private final GuardStep guard;
    private final WarehouseRegistry warehouses;
    private final WarehouseProperties limits;

    GuardedReads(GuardStep guard, WarehouseRegistry warehouses, WarehouseProperties limits) {
        this.guard = guard;
        this.warehouses = warehouses;
        this.limits = limits;
    }

    QueryResult query(String tenant, String sql, int maxRows) {
        TenantWarehouse warehouse = warehouses.forTenant(tenant);
        var guarded = guard.guard(sql, warehouse, maxRows + 1);
        return warehouse.query(guarded.sql(), limits.statementTimeout(), maxRows);
    }

    static boolean isCrmId(String id) {
        return id != null && CRM_ID.matcher(id).matches();
    }

    /** A validated CRM id as a SQL string literal. */
    static String literal(String crmId) {
        if (!isCrmId(crmId)) {
            throw new IllegalArgumentException("not a CRM record id");
        }
        return "'" + crmId + "'";
    }
}
