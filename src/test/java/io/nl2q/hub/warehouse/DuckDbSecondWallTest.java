package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.tenancy.TenancyProperties.TenantConfig;
import io.nl2q.hub.tenancy.TenancyProperties.WarehouseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements forced past the guard, straight into the answering executor of a DuckDB tenant: the engine itself
 * refuses to read or write a file, attach another tenant's database, or change the settings that keep it so.
 */
class DuckDbSecondWallTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SECRET = "host-secret-7f3a";
    @TempDir
    static Path dataDir;
    static Path secretFile;
    static WarehouseRegistry registry;
    static TenantWarehouse acme;

    @BeforeAll
    static void start() throws Exception {
        secretFile = Files.writeString(dataDir.resolve("hostname"), SECRET + "\n");
        var tenants = List.of(tenant("acme"), tenant("globex"));
        var tenancy = new TenancyProperties(tenants);
        var properties = new WarehouseProperties(dataDir.toString(), null, null, null);
        registry = new WarehouseRegistry(tenancy, properties,
                new DemoWarehouseInitializer(tenancy, properties, new DemoProperties(false)), Duration.ofSeconds(5));
        acme = registry.forTenant("acme");
        // the writer opens the file first, as a loader would before anyone asks a question
        try (var c = acme.writer().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS acme.wall_probe (n INTEGER)");
        }
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static TenantConfig tenant(String id) {
        return new TenantConfig(id, null, id, new WarehouseConfig("duckdb", null, null, null, 2),
                new TenancyProperties.DemoData(0.005, 11), null);
    }

    @Test
    void withoutTheWallTheSameEngineReadsTheFile() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement();
             var rs = s.executeQuery("SELECT content FROM read_text('" + secretFile + "')")) {
            rs.next();
            assertThat(rs.getString(1)).contains(SECRET);
        }
    }

    @Test
    void aForcedStatementCannotReadAFile() {
        for (String sql : List.of(
                "SELECT content FROM read_text('" + secretFile + "')",
                "SELECT * FROM read_csv('" + secretFile + "', header = false)",
                "SELECT * FROM read_blob('" + secretFile + "')",
                "SELECT * FROM '" + secretFile + "'",
                "SELECT * FROM glob('" + dataDir + "/*')")) {
            assertRefusedByTheEngine(sql, "disabled by configuration", "does not exist");
        }
    }

    @Test
    void aForcedStatementCannotWriteAFile() {
        Path out = dataDir.resolve("copied.csv");
        assertRefusedByTheEngine("COPY (SELECT full_name, npi FROM acme.hcp) TO '" + out + "'",
                "disabled by configuration");
        assertRefusedByTheEngine("SELECT 1; COPY (SELECT 1) TO '" + out + "'", "disabled by configuration");
        assertThat(out).doesNotExist();
    }

    @Test
    void aForcedStatementCannotAttachAnotherTenantsDatabase() {
        Path globex = DemoWarehouseInitializer.embeddedFile(
                new WarehouseProperties(dataDir.toString(), null, null, null), "globex");
        assertThat(globex).exists();
        assertRefusedByTheEngine("ATTACH '" + globex + "' AS g (READ_ONLY)", "disabled by configuration");
        assertRefusedByTheEngine("SELECT count(*) FROM g.globex.hcp", "does not exist");
    }

    @Test
    void aForcedStatementCannotChangeTheSettingsBack() {
        for (String sql : List.of("SET enable_external_access = true", "RESET enable_external_access",
                "SET lock_configuration = false", "RESET lock_configuration", "RESET ALL",
                "SET autoinstall_known_extensions = true", "SET GLOBAL enable_external_access = true")) {
            // RESET ALL is not a DuckDB statement at all; the others meet the lock
            assertRefusedByTheEngine(sql, "the configuration has been locked", "Can only SET or RESET a variable");
        }
        assertRefusedByTheEngine("SELECT content FROM read_text('" + secretFile + "')", "disabled by configuration");
    }

    @Test
    void theWallLeavesAnswersAndTheLoadersWorking() throws Exception {
        assertThat(acme.query("SELECT count(*) FROM acme.hcp", TIMEOUT, 10).rows()).hasSize(1);
        try (var c = acme.writer().getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO acme.wall_probe VALUES (1), (2)");
        }
        assertThat(acme.query("SELECT count(*) FROM acme.wall_probe", TIMEOUT, 10).rows().get(0).get(0))
                .isInstanceOfSatisfying(Number.class, n -> assertThat(n.longValue()).isGreaterThanOrEqualTo(2));
    }

    private static void assertRefusedByTheEngine(String sql, String... anyReason) {
        assertThatThrownBy(() -> acme.query(sql, TIMEOUT, 10))
                .as(sql)
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY);
                    assertThat(e.getMessage()).doesNotContain(SECRET).containsAnyOf(anyReason);
                });
    }
}
