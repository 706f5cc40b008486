package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.PostgresTenantIsolation;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.tenancy.TenantRef;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL wall behind the guard: a tenant warehouse connected as its tenant role (PostgresTenantIsolation)
 * answers statements forced past the guard without reading or writing a server file, reaching another schema or
 * database, or writing a row, and its sessions start read-only.
 */
class PostgresSecondWallTest {
    private static final TenantRef ACME = new TenantRef("acme", "acme");
    private static final TenantRef GLOBEX = new TenantRef("globex", "globex");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static WarehouseRegistry registry;
    static TenantWarehouse acme;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (TenantRef t : List.of(ACME, GLOBEX)) {
                s.execute("CREATE SCHEMA " + t.schema());
                s.execute("CREATE TABLE " + t.schema() + ".hcp (hcp_id int, npi text)");
                s.execute("INSERT INTO " + t.schema() + ".hcp VALUES (1, '" + t.id() + "-npi-1')");
                for (String sql : PostgresTenantIsolation.schemaPerTenantRole(t, t.id() + "-secret")) {
                    s.execute(sql);
                }
            }
        }
        // no user in the URL: the driver lets a URL's user win over the pool's
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        var tenancy = new TenancyProperties(List.of(new TenancyProperties.TenantConfig("acme", "Acme", "acme",
                new TenancyProperties.WarehouseConfig("postgresql", url, "nl2q_acme", "acme-secret", 2), null, null)));
        registry = new WarehouseRegistry(tenancy, new WarehouseProperties(null, null, null, null), null,
                Duration.ofSeconds(5));
        acme = registry.forTenant("acme");
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
        postgres.close();
    }

    @Test
    void theTenantRolesSessionsStartReadOnly() throws Exception {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "nl2q_acme", "acme-secret"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW default_transaction_read_only")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
        assertThat(acme.query("SELECT npi FROM acme.hcp", TIMEOUT, 10).rows()).hasSize(1);
    }

    @Test
    void aForcedStatementCannotReadOrWriteAServerFile() {
        String out = dir.resolve("copied.csv").toString();
        for (String sql : List.of("SELECT pg_read_file('/etc/hostname')", "SELECT pg_ls_dir('.')",
                "SELECT lo_import('/etc/hostname')", "COPY (SELECT npi FROM acme.hcp) TO '" + out + "'",
                "COPY acme.hcp FROM '/etc/hostname'", "COPY (SELECT 1) TO PROGRAM 'id'")) {
            assertRefused(sql);
        }
        assertThat(dir.resolve("copied.csv")).doesNotExist();
    }

    @Test
    void aForcedStatementCannotReachAnotherSchemaOrDatabase() {
        for (String sql : List.of("SELECT * FROM globex.hcp", "CREATE EXTENSION dblink",
                "SELECT * FROM dblink('dbname=postgres', 'SELECT 1') AS t(a int)")) {
            assertRefused(sql);
        }
    }

    @Test
    void aForcedStatementCannotWriteEvenAfterTurningReadOnlyOff() throws Exception {
        assertRefused("INSERT INTO acme.hcp VALUES (9, 'forced')");
        assertRefused("SET default_transaction_read_only = off; INSERT INTO acme.hcp VALUES (9, 'forced')");
        assertRefused("COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; "
                + "INSERT INTO acme.hcp VALUES (9, 'forced')");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM acme.hcp")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static void assertRefused(String sql) {
        assertThatThrownBy(() -> acme.query(sql, TIMEOUT, 10)).as(sql).isInstanceOf(HubException.class);
    }
}
