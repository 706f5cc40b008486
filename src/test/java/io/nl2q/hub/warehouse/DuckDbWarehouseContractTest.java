package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.TenancyProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The embedded default: the demo initializer generates the file, the registry answers from it. */
class DuckDbWarehouseContractTest extends WarehouseContractTest {
    private Path dataDir;

    @Override
    TenancyProperties.TenantConfig startAndLoad() throws Exception {
        dataDir = Files.createTempDirectory("warehouse-duckdb");
        return new TenancyProperties.TenantConfig("acme", "Acme", "acme",
                new TenancyProperties.WarehouseConfig("duckdb", null, null, null, null),
                new TenancyProperties.DemoData(SCALE, SEED), null);
    }

    @Override
    WarehouseProperties properties() {
        return new WarehouseProperties(dataDir.toString(), null, null, null);
    }

    @Override
    void stop() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aQueryPastItsTimeoutIsCancelled() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> warehouse.query("SELECT COUNT(*) FROM rx_weekly a, rx_weekly b, rx_weekly c "
                + "WHERE a.trx + b.trx + c.trx = -1", Duration.ofMillis(200), 10))
                .isInstanceOfSatisfying(HubException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(query("SELECT COUNT(*) FROM payer").rows()).hasSize(1);
    }

    @Test
    void generatorMetadataStayOutsideTheTenantSchema() {
        assertThat(warehouse.tables()).doesNotContain("demo_meta");
        assertThat(Files.exists(dataDir.resolve("warehouse-acme.duckdb"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("warehouse-acme.duckdb.tmp"))).isFalse();
    }
}
