package io.nl2q.hub.warehouse;

import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.tenancy.TenancyProperties.TenantConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure every demo tenant on the embedded default has its DuckDB file before any pool opens it. The
 * {@link WarehouseRegistry} calls {@link #ensureDemoWarehouses()} from its constructor, so it runs before the hub
 * serves; it runs once however often it is called.
 */
@Component
public class DemoWarehouseInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWarehouseInitializer.class);
    private final TenancyProperties tenancy;
    private final WarehouseProperties warehouse;
    private final DemoProperties demo;
    private boolean done;

    public DemoWarehouseInitializer(TenancyProperties tenancy, WarehouseProperties warehouse, DemoProperties demo) {
        this.tenancy = tenancy;
        this.warehouse = warehouse;
        this.demo = demo == null ? new DemoProperties(false) : demo;
    }

    public synchronized void ensureDemoWarehouses() {
        if (done) {
            return;
        }
        for (TenantConfig tenant : tenancy.tenants()) {
            if (tenant.demo() != null && isEmbedded(tenant)) {
                ensure(tenant);
            }
        }
        done = true;
    }

    /** The file of a tenant on the embedded default: {@code <data-dir>/warehouse-<tenant>.duckdb} (a catalog named like the schema would make {@code acme.hcp} ambiguous in DuckDB). */
    static Path embeddedFile(WarehouseProperties warehouse, String tenantId) {
        return Path.of(warehouse.dataDir()).resolve("warehouse-" + tenantId + ".duckdb");
    }

    /** DuckDB with no URL of its own (or one naming the default file) is the embedded default. */
    static boolean isEmbedded(TenantConfig tenant) {
        var config = tenant.warehouse();
        return config == null || (Dialects.byId(config.dialect()).id().equals("duckdb")
                && (config.url() == null || config.url().isBlank()));
    }

    private void ensure(TenantConfig tenant) {
        var file = new DemoWarehouseFile(embeddedFile(warehouse, tenant.id()), tenant.ref().schema());
        double scale = tenant.demo().scale();
        long seed = tenant.demo().seed();
        if (!demo.regenerate() && file.matches(scale, seed)) {
            LOG.info("demo warehouse of tenant {} is current (generator {}, scale {}, seed {})", tenant.id(),
                    DemoDataGenerator.VERSION, scale, seed);
            return;
        }
        long started = System.nanoTime();
        try {
            var rows = file.generate(scale, seed);
            LOG.info("generated the demo warehouse of tenant {} in {} ms: {}", tenant.id(),
                    (System.nanoTime() - started) / 1_000_000, rows);
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate the demo warehouse of tenant " + tenant.id(), e);
        }
    }
}
