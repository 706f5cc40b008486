package io.nl2q.hub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.guard.GuardContext;
import io.nl2q.hub.guard.SqlGuard;
import io.nl2q.hub.guard.SqlRejectedException;
import io.nl2q.hub.guard.TableLayout;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.SqlDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared-tables layout on a real PostgreSQL: acme's and globex's rows in one {@code shared} schema, with the
 * same HCP ids in both tenants so that one unfiltered side of a join would pull globex rows in. The guard's tenant
 * predicate is the first wall (tested as a superuser, whom row-level security does not stop), FORCEd row-level
 * security the second (tested as acme's role with raw SQL); guarded SQL as acme's role passes both. Expectations
 * come from the same statements guarded for acme's own schema, which holds acme's rows only.
 */
class SharedTablesGuardPostgresTest {
    private static final TenantRef ACME = new TenantRef("acme", "acme");
    private static final TenantRef GLOBEX = new TenantRef("globex", "globex");
    private static final String GLOBEX_MARK = "GLOBEX-ONLY";
    private static final String GLOBEX_NUMBER = "777777";
    private static final Set<String> TABLES = Set.of("hcp", "rx_weekly");
    private static final SqlDialect POSTGRES = Dialects.byId("postgresql");
    private static final GuardContext ACME_OWN_SCHEMA = new GuardContext(ACME, TABLES, POSTGRES, 10_000);
    private static final GuardContext ACME_SHARED = new GuardContext(ACME, TABLES, POSTGRES, 10_000,
            TableLayout.sharedTables("shared", "tenant_id"));
    private static EmbeddedPostgres postgres;
    private final SqlGuard guard = new SqlGuard();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA acme");
            s.execute("CREATE SCHEMA globex");
            createTables(s, "acme", "");
            insertRows(s, "acme", "", "", "3");
            for (TenantRef t : List.of(ACME, GLOBEX)) {
                for (String sql : PostgresTenantIsolation.schemaPerTenantRole(t, t.id() + "-secret")) {
                    s.execute(sql);
                }
            }
            // owned by a non-superuser: superusers bypass even FORCEd policies
            s.execute("CREATE ROLE shared_owner LOGIN PASSWORD 'owner-secret'");
            s.execute("CREATE SCHEMA shared AUTHORIZATION shared_owner");
        }
        try (Connection c = connect("shared_owner", "owner-secret"); Statement s = c.createStatement()) {
            createTables(s, "shared", "tenant_id text NOT NULL, ");
            insertRows(s, "shared", "'acme', ", "", "3");
            insertRows(s, "shared", "'globex', ", GLOBEX_MARK + "-", GLOBEX_NUMBER);
            s.execute("CREATE TABLE shared.product (product_id text, product_name text)");
            s.execute("INSERT INTO shared.product VALUES ('P01', 'Tirosint')");
            s.execute("GRANT USAGE ON SCHEMA shared TO nl2q_acme, nl2q_globex");
            for (String table : List.of("shared.hcp", "shared.rx_weekly")) {
                for (String sql : PostgresTenantIsolation.sharedTableRowSecurity(table)) {
                    s.execute(sql);
                }
                s.execute(PostgresTenantIsolation.grantSharedRead(ACME, table));
                s.execute(PostgresTenantIsolation.grantSharedRead(GLOBEX, table));
            }
            c.commit();
        }
    }

    private static void createTables(Statement s, String schema, String tenantColumn) throws SQLException {
        s.execute("CREATE TABLE " + schema + ".hcp (" + tenantColumn + "hcp_id text, npi text, first_name text,"
                + " last_name text, full_name text, specialty text, decile int, city text, state text,"
                + " territory_id text, crm_account_id text)");
        s.execute("CREATE TABLE " + schema + ".rx_weekly (" + tenantColumn + "week_ending date, hcp_id text,"
                + " product_id text, payer_id text, trx int, nrx int, units int)");
    }

    /** Both tenants use the same HCP ids; {@code m} prefixes every other text value, {@code n} is every volume. */
    private static void insertRows(Statement s, String schema, String tenant, String m, String n) throws SQLException {
        s.execute("INSERT INTO " + schema + ".hcp VALUES"
                + " (" + tenant + "'H1', '" + m + "1000000001', '" + m + "Ann', '" + m + "Lee', '" + m + "Ann Lee', '"
                + m + "Endocrinology', 10, '" + m + "Boston', 'MA', 'T01', NULL),"
                + " (" + tenant + "'H2', '" + m + "1000000002', '" + m + "Bo', '" + m + "Kim', '" + m + "Bo Kim', '"
                + m + "Family Medicine', 4, '" + m + "Seattle', 'NY', 'T02', '" + m + "001A'),"
                + " (" + tenant + "'H3', '" + m + "1000000003', '" + m + "Cy', '" + m + "Ray', '" + m + "Cy Ray', '"
                + m + "Endocrinology', 8, '" + m + "Albany', 'NY', 'T02', NULL)");
        s.execute("INSERT INTO " + schema + ".rx_weekly VALUES"
                + " (" + tenant + "DATE '2025-12-19', 'H1', 'P01', 'Y1', " + n + ", 1, " + n + "),"
                + " (" + tenant + "DATE '2025-12-26', 'H1', 'P03', 'Y8', " + n + ", 2, " + n + "),"
                + " (" + tenant + "DATE '2025-09-05', 'H3', 'P01', 'Y1', " + n + ", 1, " + n + "),"
                + " (" + tenant + "DATE '2024-12-27', 'H2', 'P01', 'Y1', " + n + ", 0, " + n + ")");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theLeakCheckWouldSeeGlobexRowsAndRowSecurityAloneHidesThem() throws Exception {
        try (Connection superuser = superuser()) {
            assertThat(rows(superuser, "SELECT full_name FROM shared.hcp"))
                    .anyMatch(row -> row.contains(GLOBEX_MARK));
        }
        try (Connection acme = connect("nl2q_acme", "acme-secret")) {
            assertThat(rows(acme, "SELECT full_name FROM shared.hcp ORDER BY 1"))
                    .containsExactly("Ann Lee|", "Bo Kim|", "Cy Ray|");
            assertThat(rows(acme, "SELECT count(*) FROM shared.rx_weekly WHERE tenant_id = 'globex'"))
                    .containsExactly("0|");
        }
    }

    @Test
    void everyLegitStatementOverSharedTablesReturnsAcmesOwnRowsOnly() throws Exception {
        int compared = 0;
        List<String> dialectOnly = new ArrayList<>();
        try (Connection superuser = superuser(); Connection acme = connect("nl2q_acme", "acme-secret")) {
            for (String sql : legitStatements()) {
                String own;
                try {
                    own = guard.check(sql, ACME_OWN_SCHEMA).sql();
                } catch (SqlRejectedException otherTables) {
                    continue;
                }
                List<String> expected;
                try {
                    expected = rows(superuser, own);
                } catch (SQLException duckDbSyntax) {
                    superuser.rollback();
                    dialectOnly.add(sql);
                    continue;
                }
                String shared = guard.check(sql, ACME_SHARED).sql();
                // first wall alone: a superuser bypasses row-level security, so only the guard's predicate filters
                List<String> guardOnly = rows(superuser, shared);
                // both walls: acme's role, under the FORCEd policy
                List<String> bothWalls = rows(acme, shared);
                for (List<String> actual : List.of(guardOnly, bothWalls)) {
                    assertThat(actual).as(shared).noneMatch(r -> r.contains(GLOBEX_MARK) || r.contains(GLOBEX_NUMBER));
                    assertThat(actual).as(shared).containsExactlyInAnyOrderElementsOf(expected);
                }
                compared++;
            }
        }
        assertThat(compared).as("statements compared; PostgreSQL could not run %s", dialectOnly)
                .isGreaterThanOrEqualTo(40);
    }

    @Test
    void aSharedTableWithoutTheTenantColumnFailsInsteadOfBindingAnOuterOne() throws Exception {
        GuardContext withProduct = new GuardContext(ACME, Set.of("hcp", "product"), POSTGRES, 100,
                TableLayout.sharedTables("shared", "tenant_id"));
        // unqualified, tenant_id in the subquery would bind to h.tenant_id and filter nothing
        String sql = guard.check("SELECT h.full_name, (SELECT max(product_name) FROM product) AS p FROM hcp h",
                withProduct).sql();
        try (Connection superuser = superuser()) {
            assertThatThrownBy(() -> rows(superuser, sql)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("tenant_id");
        }
    }

    private static List<String> legitStatements() throws IOException {
        try (InputStream in = SharedTablesGuardPostgresTest.class.getResourceAsStream("/guard/legit.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> entries = Arrays.stream(text.split("(?m)^-- ----\\s*$")).skip(1).map(String::strip)
                    .filter(e -> !e.isEmpty()).toList();
            assertThat(entries).hasSizeGreaterThanOrEqualTo(70);
            return entries;
        }
    }

    private static Connection superuser() throws SQLException {
        Connection c = postgres.getPostgresDatabase().getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static Connection connect(String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres")
                .replace("user=postgres", "user=" + user), user, password);
        c.setAutoCommit(false);
        return c;
    }

    /** Rows as text; the tenant column that SELECT * now also returns is left out (it is the caller's own id). */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (!rs.getMetaData().getColumnLabel(i).equals("tenant_id")) {
                        row.append(rs.getString(i)).append('|');
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
