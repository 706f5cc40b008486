package io.nl2q.hub.boast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.warehouse.DemoDataGenerator;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.JdbcBatchSink;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on a SQLite tenant (a file, no schema): batched INSERTs into a temporary table, one upsert. */
class SqliteLoadTest {
    @TempDir
    Path dir;
    private WarehouseRegistry registry;
    private final CrashingLoadProbe probe = new CrashingLoadProbe();
    private BoastLoader loader;
    private List<String[]> hcps;

    @BeforeEach
    void start() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("acme.db");
        var sqlite = Dialects.byId("sqlite");
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String ddl : WarehouseSchema.createStatements(sqlite, "acme")) {
                    s.execute(ddl);
                }
            }
            new DemoDataGenerator(0.01, 42).generate(new JdbcBatchSink(c, sqlite, null));
            c.commit();
        }
        hcps = DemoHcps.of(0.01, 42);
        var tenancy = new TenancyProperties(List.of(new TenancyProperties.TenantConfig("acme", "Acme", "acme",
                new TenancyProperties.WarehouseConfig("sqlite", url, null, null, 1), null, null)));
        registry = new WarehouseRegistry(tenancy, new WarehouseProperties(dir.toString(), null, null, null), null);
        var properties = new BoastProperties(Path.of("connectors/boast"), dir.resolve("work"), 0.5, 100, 5, null,
                List.of());
        loader = new BoastLoader(new FileContracts(properties), registry, properties, probe);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void targetsAreUpsertedWithTheLastRowOfAKeyWinningAndACrashLeavesNothing() throws Exception {
        String npi = hcps.get(0)[1];
        String csv = "npi,product_name,tier,effective_date\n" + npi + ",Tirosint,A,2026-01-05\n"
                + npi + ",Flector,B,2026-01-05\n" + npi + ",Tirosint,C,2026-01-05\n"
                + "0000000000,Tirosint,A,2026-01-05\n";
        InboundFile inbound = file("hcp_targets_20260105.csv", csv);

        probe.simulateCrashes(1, 2);
        assertThatThrownBy(() -> loader.load(inbound)).hasMessageContaining("simulated crash");
        assertThat(rows("SELECT COUNT(*) FROM hcp_target")).containsExactly("0");

        LoadOutcome outcome = loader.load(inbound);
        assertThat(outcome.status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(outcome.badRows()).isEqualTo(1);
        assertThat(rows("SELECT product_id || ':' || tier || ':' || effective_date || ':' || source_file "
                + "FROM hcp_target ORDER BY product_id")).containsExactly(
                "P01:C:2026-01-05:hcp_targets_20260105.csv", "P10:B:2026-01-05:hcp_targets_20260105.csv");
        // the same rows again replace, never duplicate; the dates stay ISO text the dialect's functions read
        loader.load(inbound);
        assertThat(rows("SELECT COUNT(*) FROM hcp_target WHERE date(effective_date) = '2026-01-05'"))
                .containsExactly("2");
    }

    @Test
    void formularyBooleansAndDatesLand() throws Exception {
        String csv = "payer_name,product_name,status,prior_auth,effective_date\n"
                + "Aetna,Tirosint,Preferred,yes,2026-02-01\nCigna,Tirosint,Not Covered,N,2026-02-01\n";
        LoadOutcome outcome = loader.load(file("formulary_20260201.csv", csv));
        assertThat(outcome.rowsLoaded()).as(String.valueOf(outcome.reason())).isEqualTo(2);
        assertThat(rows("SELECT status || ':' || prior_auth FROM formulary ORDER BY status"))
                .containsExactly("Not Covered:0", "Preferred:1");
    }

    private InboundFile file(String name, String csv) throws Exception {
        Path file = Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
        return loader.receive("acme/outbox/" + name, file.toString());
    }

    private List<String> rows(String sql) throws Exception {
        try (Connection c = registry.forTenant("acme").writer().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            var out = new ArrayList<String>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
