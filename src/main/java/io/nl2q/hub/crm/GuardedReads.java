package io.nl2q.hub.crm;

import io.nl2q.hub.query.ExecuteStep;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The CRM feature's reads of a tenant warehouse: through the SQL guard and the read-only executor, like any query. */
@Component
class GuardedReads {
    /** Salesforce record ids: 15 or 18 alphanumeric characters; nothing else is ever put in a literal. */
    private static final Pattern CRM_ID = Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");
    private final ExecuteStep execute;
    private final WarehouseRegistry warehouses;

    GuardedReads(ExecuteStep execute, WarehouseRegistry warehouses) {
        this.execute = execute;
        this.warehouses = warehouses;
    }

    QueryResult query(String tenant, String sql, int maxRows) {
        return execute.guardedRead(sql, warehouses.forTenant(tenant), maxRows);
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
