package io.nl2q.hub.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.tenancy.TenancyProperties.TenantConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every configured tenant's warehouse, built once at start. Demo files are generated first (see
 * {@link DemoWarehouseInitializer}); pools open lazily, so a remote warehouse that is down does not stop the hub
 * from starting: its tenant is answered 503 until it comes back.
 */
@Component
public class WarehouseRegistry implements AutoCloseable {
    private final Map<String, JdbcTenantWarehouse> warehouses = new LinkedHashMap<>();

    @Autowired
    public WarehouseRegistry(TenancyProperties tenancy, WarehouseProperties properties,
                             DemoWarehouseInitializer demoInitializer) {
        this(tenancy, properties, demoInitializer, Duration.ofSeconds(10));
    }

    /** {@code connectionTimeout}: how long a query waits for a connection before the tenant is unavailable. */
    WarehouseRegistry(TenancyProperties tenancy, WarehouseProperties properties,
                      DemoWarehouseInitializer demoInitializer, Duration connectionTimeout) {
        if (demoInitializer != null) {
            demoInitializer.ensureDemoWarehouses();
        }
        for (TenantConfig tenant : tenancy.tenants()) {
            warehouses.put(tenant.id(), build(tenant, properties, connectionTimeout));
        }
    }

    /** @throws io.nl2q.hub.errors.HubException FORBIDDEN for a tenant this hub does not serve */
    public TenantWarehouse forTenant(String tenantId) {
        JdbcTenantWarehouse warehouse = tenantId == null ? null : warehouses.get(tenantId);
        if (warehouse == null) {
            throw JdbcTenantWarehouse.unknownTenant();
        }
        return warehouse;
    }

    public Collection<? extends TenantWarehouse> all() {
        return java.util.List.copyOf(warehouses.values());
    }

    /** Forgets the cached table list of a tenant, after a loader created or dropped a table. */
    public void refreshTables(String tenantId) {
        ((JdbcTenantWarehouse) forTenant(tenantId)).refreshTables();
    }

    /** Closes every pool so that no connection keeps a DuckDB file open after the context closes. */
    @Override
    public void close() {
        warehouses.values().forEach(JdbcTenantWarehouse::close);
    }

    private static JdbcTenantWarehouse build(TenantConfig tenant, WarehouseProperties properties,
                                             Duration connectionTimeout) {
        var config = tenant.warehouse() == null
                ? new TenancyProperties.WarehouseConfig("duckdb", null, null, null, null) : tenant.warehouse();
        SqlDialect dialect = Dialects.byId(config.dialect());
        String url = config.url() == null || config.url().isBlank()
                ? "jdbc:duckdb:" + DemoWarehouseInitializer.embeddedFile(properties, tenant.id()).toAbsolutePath()
                : config.url();
        String memoryLimit = "duckdb".equals(dialect.id()) ? properties.duckdbMemoryLimit() : null;
        // answering connections to DuckDB open behind its second wall; the writer's are the loaders' own
        boolean lockdown = "duckdb".equals(dialect.id());
        var answering = pool(tenant.id() + "-answering", url, config, config.poolSize(), connectionTimeout,
                memoryLimit, lockdown);
        var writer = pool(tenant.id() + "-writer", url, config, 2, connectionTimeout, memoryLimit, false);
        return new JdbcTenantWarehouse(tenant.ref(), dialect, answering, writer);
    }

    /**
     * Lazy (initializationFailTimeout -1) and with no idle minimum: nothing connects at start, and idle
     * connections are retired instead of holding a DuckDB file or a remote session forever. With
     * {@code duckdbLockdown} every connection opens through {@link DuckDbLockdown}.
     */
    private static HikariDataSource pool(String name, String url, TenancyProperties.WarehouseConfig config,
                                         int size, Duration connectionTimeout, String duckdbMemoryLimit,
                                         boolean duckdbLockdown) {
        var hikari = new HikariConfig();
        if (duckdbMemoryLimit != null && !duckdbMemoryLimit.isBlank()) {
            // a DuckDB configuration option, applied when the first connection opens the file
            hikari.addDataSourceProperty("memory_limit", duckdbMemoryLimit.trim());
        }
        hikari.setPoolName("warehouse-" + name);
        if (duckdbLockdown) {
            hikari.setDataSource(new DuckDbLockdown(url, hikari.getDataSourceProperties()));
        } else {
            hikari.setJdbcUrl(url);
        }
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(Math.max(1, size));
        hikari.setMinimumIdle(0);
        hikari.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        hikari.setValidationTimeout(Math.max(250, Math.min(5_000, connectionTimeout.toMillis())));
        return new HikariDataSource(hikari);
    }
}
