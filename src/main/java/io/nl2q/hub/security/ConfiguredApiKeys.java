package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.ConfiguredKeys;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Stores the keys of the tenant configuration in the API key store, labelled as configured. */
@Component
class ConfiguredApiKeys implements ConfiguredKeys {
    private final ApiKeyStore keys;

    ConfiguredApiKeys(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void ensure(String tenantId, String key, List<String> roles) {
        keys.ensure(tenantId, key, "configured key", roles.stream().map(Role::parse).collect(Collectors.toSet()));
    }
}
