package io.nl2q.hub.boast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.warehouse.DemoDataGenerator;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.PostgresCopySink;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import io.nl2q.hub.warehouse.WarehouseSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on a real PostgreSQL warehouse: COPY into staging, one upsert, nothing visible before commit. */
class PostgresLoadTest {
    private static EmbeddedPostgres postgres;
    private static WarehouseRegistry registry;
    private static List<String[]> hcps;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String ddl : WarehouseSchema.createStatements(Dialects.byId("postgresql"), "acme")) {
                    s.execute(ddl);
                }
            }
            new DemoDataGenerator(0.01, 42).generate(new PostgresCopySink(c, "acme"));
            c.commit();
        }
        hcps = DemoHcps.of(0.01, 42);
        var tenancy = new TenancyProperties(List.of(new TenancyProperties.TenantConfig("acme", "Acme", "acme",
                new TenancyProperties.WarehouseConfig("postgresql", postgres.getJdbcUrl("postgres", "postgres"),
                        "postgres", null, 2), null, null)));
        registry = new WarehouseRegistry(tenancy, new WarehouseProperties(null, null, null, null), null);
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
        postgres.close();
    }

    @Test
    void aFileIsUpsertedWithTheLastRowOfAKeyWinningAndACrashLeavesNothing() throws Exception {
        BoastProperties properties = new BoastProperties(Path.of("connectors/boast"), dir, 0.5, 100, 5, null,
                List.of());
        var probe = new CrashingLoadProbe();
        var loader = new BoastLoader(new FileContracts(properties), registry, properties, probe);
        String npi = hcps.get(0)[1];
        String csv = "npi,product_name,tier,effective_date\n" + npi + ",Tirosint,A,2026-01-05\n"
                + npi + ",Flector,B,2026-01-05\n" + npi + ",Tirosint,C,2026-01-05\n"
                + "0000000000,Tirosint,A,2026-01-05\n";
        Path file = Files.writeString(dir.resolve("hcp_targets_20260105.csv"), csv, StandardCharsets.UTF_8);

        probe.simulateCrashes(1, 2);
        InboundFile inbound = loader.receive("acme/outbox/hcp_targets_20260105.csv", file.toString());
        assertThatThrownBy(() -> loader.load(inbound)).hasMessageContaining("simulated crash");
        assertThat(count()).isZero();

        LoadOutcome outcome = loader.load(inbound);
        assertThat(outcome.status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(outcome.badRows()).isEqualTo(1);
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        try (Connection c = registry.forTenant("acme").writer().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT tier FROM acme.hcp_target WHERE product_id = 'P01'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("C");
        }
        assertThat(Files.readString(outcome.report())).contains("5,npi,0000000000,unknown npi");
        // the same rows again replace, never duplicate
        loader.load(inbound);
        assertThat(count()).isEqualTo(2);
    }

    private static long count() throws Exception {
        try (Connection c = registry.forTenant("acme").writer().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM acme.hcp_target")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
