package io.nl2q.hub.boast;

import io.nl2q.hub.tenancy.TenantRef;
import java.util.Set;

/**
 * Told when a loader changed tables of a tenant, so that what was derived from them (the answer cache) can be
 * dropped. The answer cache implements it; the hub works without any.
 */
public interface TableChangeListener {
    void tablesChanged(TenantRef tenant, Set<String> tables);
}
