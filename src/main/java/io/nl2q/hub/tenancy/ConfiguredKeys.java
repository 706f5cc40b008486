package io.nl2q.hub.tenancy;

import java.util.List;

/**
 * Where the API keys configured for a tenant ({@code hub.tenancy.tenants[].api-keys}) are stored, once the tenant's
 * registry row exists. The security feature implements it; tenancy only hands the configured keys over.
 */
public interface ConfiguredKeys {
    /** Stores {@code key} (hashed) for the tenant with these role names, unless it is stored already. */
    void ensure(String tenantId, String key, List<String> roles);
}
