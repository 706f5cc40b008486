package io.nl2q.hub.events;

import java.util.Set;

/**
 * Told when a tenant's data changed (a partner file loaded, a CRM sync), after its cached answers are forgotten:
 * whatever else holds values read from the tenant's warehouse (the semantic engine's value index and as-of date)
 * refreshes them.
 */
public interface TenantDataListener {
    void dataChanged(String tenantId, Set<String> tables);
}
