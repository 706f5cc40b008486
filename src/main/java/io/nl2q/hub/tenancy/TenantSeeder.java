package io.nl2q.hub.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the app-state tenant registry match the configured tenants, and stores configured keys (hashed). Keys in
 * configuration are for the demo and development only; the prod profile refuses them (see ProdSafetyCheck).
 */
@Component
class TenantSeeder implements SmartInitializingSingleton {
    private final TenancyProperties tenancy;
    private final JdbcTemplate jdbc;
    private final ConfiguredKeys keys;

    TenantSeeder(TenancyProperties tenancy, JdbcTemplate jdbc, ConfiguredKeys keys) {
        this.tenancy = tenancy;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Runs once every bean (Flyway included) is ready and before the web server takes requests. */
    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        for (TenancyProperties.TenantConfig t : tenancy.tenants()) {
            TenantRef ref = t.ref();
            int updated = jdbc.update("UPDATE tenant SET name = ?, schema_name = ? WHERE tenant_id = ?",
                    t.name(), ref.schema(), ref.id());
            if (updated == 0) {
                jdbc.update("INSERT INTO tenant (tenant_id, name, schema_name, created_at) VALUES (?, ?, ?, ?)",
                        ref.id(), t.name(), ref.schema(), Timestamp.from(Instant.now()));
            }
            for (TenancyProperties.ApiKeyConfig key : t.apiKeys()) {
                keys.ensure(ref.id(), key.key(), key.roles());
            }
        }
    }
}
