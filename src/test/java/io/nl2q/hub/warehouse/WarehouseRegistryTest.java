package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.tenancy.TenancyProperties.TenantConfig;
import io.nl2q.hub.tenancy.TenancyProperties.WarehouseConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseRegistryTest {
    @TempDir
    Path dataDir;

    @Test
    void anUnreachableWarehouseDoesNotStopStartUpAndAnswersUnavailableQuickly() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var tenant = new TenantConfig("globex", null, null, new WarehouseConfig("postgresql",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/warehouse?connectTimeout=1", "u", "p", 1), null, null);
        try (var registry = registry(List.of(tenant), false)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> registry.forTenant("globex").query("SELECT 1", Duration.ofSeconds(5), 10))
                    .isInstanceOfSatisfying(HubException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_UNAVAILABLE);
                        assertThat(e.phase()).isEqualTo(Phase.EXECUTE);
                        assertThat(e.getMessage()).isEqualTo("the warehouse of tenant globex is unavailable");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(() -> registry.forTenant("globex").tables()).isInstanceOfSatisfying(
                    HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_UNAVAILABLE));
        }
    }

    @Test
    void anUnknownTenantIsForbidden() {
        try (var registry = registry(List.of(), false)) {
            assertThatThrownBy(() -> registry.forTenant("initech")).isInstanceOfSatisfying(HubException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                assertThat(e.getMessage()).isEqualTo("unknown tenant");
            });
        }
    }

    @Test
    void aMatchingDemoFileIsReusedAndRegeneratedOnlyWhenAskedOrStale() throws Exception {
        var tenants = List.of(demoTenant(0.01, 7));
        Files.writeString(dataDir.resolve("warehouse-globex.duckdb.tmp"), "half a file from a crash");
        try (var registry = registry(tenants, false)) {
            assertThat(registry.forTenant("globex").tables()).contains("rx_weekly");
        }
        Path file = dataDir.resolve("warehouse-globex.duckdb");
        var firstWrite = Files.getLastModifiedTime(file);
        assertThat(dataDir.resolve("warehouse-globex.duckdb.tmp")).doesNotExist();

        registry(tenants, false).close();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(firstWrite);

        Thread.sleep(20); // file times need to be able to differ
        registry(tenants, true).close();
        var regenerated = Files.getLastModifiedTime(file);
        assertThat(regenerated).isNotEqualTo(firstWrite);

        Thread.sleep(20);
        try (var registry = registry(List.of(demoTenant(0.01, 8)), false)) {
            assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(regenerated);
            var rows = registry.forTenant("globex").query("SELECT COUNT(*) FROM hcp", Duration.ofSeconds(5), 10);
            assertThat(rows.rows()).containsExactly(List.of(60L));
        }
    }

    @Test
    void aDemoFileThatCannotBeReadStopsTheStartAndIsLeftAsItIs() throws Exception {
        Path file = dataDir.resolve("warehouse-globex.duckdb");
        Files.writeString(file, "not a database");
        assertThatThrownBy(() -> registry(List.of(demoTenant(0.01, 7)), false))
                .hasMessageContaining("cannot read the demo warehouse " + file.toAbsolutePath())
                .hasMessageContaining("hub.demo.regenerate=true");
        assertThat(Files.readString(file)).isEqualTo("not a database");

        // asked for: regenerated, and the unreadable file is kept beside it, not deleted
        try (var registry = registry(List.of(demoTenant(0.01, 7)), true)) {
            assertThat(registry.forTenant("globex").tables()).hasSize(8);
        }
        assertThat(asideFiles()).hasSize(1);
        assertThat(Files.readString(asideFiles().get(0))).isEqualTo("not a database");
    }

    @Test
    void aVersionChangeKeepsTheOldFileAndItsRowsAside() throws Exception {
        try (var registry = registry(List.of(demoTenant(0.01, 7)), false);
             var c = registry.forTenant("globex").writer().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE globex.loaded_by_boast AS SELECT 42 AS answer");
        }
        try (var registry = registry(List.of(demoTenant(0.01, 8)), false)) {
            assertThat(registry.forTenant("globex").tables()).doesNotContain("loaded_by_boast");
        }
        assertThat(asideFiles()).hasSize(1);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + asideFiles().get(0).toAbsolutePath());
             var s = c.createStatement(); var rs = s.executeQuery("SELECT answer FROM globex.loaded_by_boast")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    private List<Path> asideFiles() throws java.io.IOException {
        try (var files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().matches("warehouse-globex\\.duckdb\\.replaced-[^.]+"))
                    .toList();
        }
    }

    @Test
    void theDuckDbMemoryLimitIsAppliedToTheTenantFiles() throws Exception {
        var tenancy = new TenancyProperties(List.of(demoTenant(0.01, 7)));
        var properties = new WarehouseProperties(dataDir.toString(), null, null, "512MB");
        try (var registry = new WarehouseRegistry(tenancy, properties,
                new DemoWarehouseInitializer(tenancy, properties, new DemoProperties(false)), Duration.ofMillis(500));
             var c = registry.forTenant("globex").writer().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            // DuckDB reports the limit in its own units: 512 MB is 488.2 MiB
            assertThat(rs.getString(1)).isEqualTo("488.2 MiB");
        }
    }

    private static TenantConfig demoTenant(double scale, long seed) {
        return new TenantConfig("globex", null, null, new WarehouseConfig("duckdb", null, null, null, 2),
                new TenancyProperties.DemoData(scale, seed), null);
    }

    private WarehouseRegistry registry(List<TenantConfig> tenants, boolean regenerate) {
        var tenancy = new TenancyProperties(tenants);
        var properties = new WarehouseProperties(dataDir.toString(), null, null, null);
        return new WarehouseRegistry(tenancy, properties,
                new DemoWarehouseInitializer(tenancy, properties, new DemoProperties(regenerate)),
                Duration.ofMillis(500));
    }
}
