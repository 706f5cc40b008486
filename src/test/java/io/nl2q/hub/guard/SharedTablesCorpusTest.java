package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The legit corpus on DuckDB with both tenants' rows in one shared schema: guarded for acme in the shared-tables
 * layout, every statement returns exactly what it returns from acme's own schema, and never a globex value.
 */
class SharedTablesCorpusTest {
    private static final SqlCorpus LEGIT = SqlCorpus.load("/guard/legit.sql");
    private static final GuardContext ACME_SHARED = new GuardContext(Fixtures.ACME_TENANT, Fixtures.TABLES,
            TestDialects.DUCKDB, Fixtures.MAX_ROWS, TableLayout.sharedTables("shared", "tenant_id"));
    private static Connection duckdb;
    private final SqlGuard guard = new SqlGuard();

    @BeforeAll
    static void openWarehouse() throws SQLException {
        duckdb = DemoWarehouse.open();
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE SCHEMA shared");
            for (String table : Fixtures.TABLES) {
                statement.execute("CREATE TABLE shared." + table + " AS SELECT 'acme' AS tenant_id, * FROM acme."
                        + table + " UNION ALL SELECT 'globex', * FROM globex." + table);
            }
        }
    }

    @AfterAll
    static void closeWarehouse() throws SQLException {
        duckdb.close();
    }

    @Test
    void theSharedTablesHoldBothTenants() throws SQLException {
        assertThat(rows("SELECT DISTINCT tenant_id AS owner FROM shared.hcp ORDER BY 1")).containsExactly("acme|", "globex|");
        assertThat(rows("SELECT full_name FROM shared.hcp")).anyMatch(row -> row.contains(DemoWarehouse.GLOBEX_MARK));
    }

    @TestFactory
    Stream<DynamicTest> everyLegitStatementReturnsAcmesOwnRowsOnly() {
        return LEGIT.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.label(), () -> {
            List<String> expected = rows(guard.check(entry.sql(), Fixtures.ACME).sql());
            GuardedSql shared = guard.check(entry.sql(), ACME_SHARED);
            List<String> actual = rows(shared.sql());
            assertThat(actual).noneMatch(row -> row.contains(DemoWarehouse.GLOBEX_MARK)
                    || row.contains(DemoWarehouse.GLOBEX_NUMBER));
            assertThat(actual).as(shared.sql()).containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    /** Rows as text; the tenant column that SELECT * now also returns is left out (it is the caller's own id). */
    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (!result.getMetaData().getColumnLabel(i).startsWith("tenant_id")) {
                        row.append(result.getObject(i)).append('|');
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
