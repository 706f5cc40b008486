package io.nl2q.hub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Database walls between tenants on a real PostgreSQL: a role per tenant that can read only its schema, and row-level
 * security with FORCE on shared tables. Each test connects as a tenant's role and tries to reach the other tenant.
 */
class PostgresTenantIsolationTest {
    static final TenantRef ACME = new TenantRef("acme", "acme");
    static final TenantRef GLOBEX = new TenantRef("globex", "globex");
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (TenantRef t : List.of(ACME, GLOBEX)) {
                s.execute("CREATE SCHEMA " + t.schema());
                s.execute("CREATE TABLE " + t.schema() + ".hcp (hcp_id int, npi text)");
                s.execute("INSERT INTO " + t.schema() + ".hcp VALUES (1, '" + t.id() + "-npi-1'), (2, '" + t.id() + "-npi-2')");
            }
            for (TenantRef t : List.of(ACME, GLOBEX)) {
                for (String sql : PostgresTenantIsolation.schemaPerTenantRole(t, t.id() + "-secret")) {
                    s.execute(sql);
                }
            }
            // shared-table layout, owned by a non-superuser (superusers bypass even FORCEd policies)
            s.execute("CREATE ROLE shared_owner LOGIN PASSWORD 'owner-secret'");
            s.execute("CREATE SCHEMA shared AUTHORIZATION shared_owner");
        }
        try (Connection c = connect("shared_owner", "owner-secret"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE shared.hcp (tenant_id text NOT NULL, npi text)");
            s.execute("INSERT INTO shared.hcp VALUES ('acme', 'acme-npi-1'), ('globex', 'globex-npi-1'), ('globex', 'globex-npi-2')");
            for (String sql : PostgresTenantIsolation.sharedTableRowSecurity("shared.hcp")) {
                s.execute(sql);
            }
            s.execute("GRANT USAGE ON SCHEMA shared TO nl2q_acme, nl2q_globex");
            s.execute(PostgresTenantIsolation.grantSharedRead(ACME, "shared.hcp"));
            s.execute(PostgresTenantIsolation.grantSharedRead(GLOBEX, "shared.hcp"));
            c.commit();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aTenantRoleReadsItsOwnSchema() throws Exception {
        try (Connection acme = connect("nl2q_acme", "acme-secret")) {
            assertThat(strings(acme, "SELECT npi FROM hcp ORDER BY 1")).containsExactly("acme-npi-1", "acme-npi-2");
            assertThat(strings(acme, "SELECT npi FROM acme.hcp ORDER BY 1")).hasSize(2);
        }
    }

    @Test
    void aTenantRoleCannotReachAnotherTenantEvenWithRawSql() throws Exception {
        List<String> attempts = List.of(
                "SELECT npi FROM globex.hcp",
                "SELECT npi FROM \"globex\".\"hcp\"",
                "SELECT npi FROM acme.hcp WHERE npi IN (SELECT npi FROM globex.hcp)",
                "WITH g AS (SELECT * FROM globex.hcp) SELECT npi FROM g",
                "SELECT * FROM acme.hcp a, LATERAL (SELECT npi FROM globex.hcp g WHERE g.hcp_id = a.hcp_id) x",
                "SELECT npi FROM acme.hcp UNION SELECT npi FROM globex.hcp",
                "SELECT query_to_xml('select * from globex.hcp', true, true, '')",
                "SELECT pg_read_file('base/' || (SELECT oid FROM pg_database WHERE datname = current_database()))",
                "COPY globex.hcp TO STDOUT",
                "SET ROLE nl2q_globex",
                "SET SESSION AUTHORIZATION nl2q_globex",
                "CREATE TABLE acme.stolen AS SELECT 1",
                "DELETE FROM acme.hcp");
        try (Connection acme = connect("nl2q_acme", "acme-secret")) {
            for (String sql : attempts) {
                assertThatThrownBy(() -> strings(acme, sql)).as(sql).isInstanceOf(SQLException.class);
                acme.rollback();
            }
            try (Statement s = acme.createStatement()) {
                s.execute("SET search_path = globex, public");
            }
            assertThatThrownBy(() -> strings(acme, "SELECT npi FROM hcp")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void rowLevelSecurityWithForceShowsEachTenantOnlyItsRowsOfASharedTable() throws Exception {
        try (Connection acme = connect("nl2q_acme", "acme-secret")) {
            assertThat(strings(acme, "SELECT npi FROM shared.hcp")).containsExactly("acme-npi-1");
            assertThat(strings(acme, "SELECT npi FROM shared.hcp WHERE tenant_id = 'globex'")).isEmpty();
            assertThat(strings(acme, "SELECT count(*)::text FROM shared.hcp")).containsExactly("1");
        }
        try (Connection globex = connect("nl2q_globex", "globex-secret")) {
            assertThat(strings(globex, "SELECT npi FROM shared.hcp ORDER BY 1")).containsExactly("globex-npi-1", "globex-npi-2");
        }
        // FORCE: the table owner itself is subject to the policy and, standing for no tenant, sees nothing
        try (Connection owner = connect("shared_owner", "owner-secret")) {
            assertThat(strings(owner, "SELECT npi FROM shared.hcp")).isEmpty();
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres")
                .replace("user=postgres", "user=" + user), user, password);
        c.setAutoCommit(false);
        return c;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
