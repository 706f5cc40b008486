package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared-tables layout: every tenant table is read as a derived table filtered on the caller's tenant. */
class SharedTablesGuardTest {
    static final GuardContext ACME_SHARED = new GuardContext(Fixtures.ACME_TENANT, Fixtures.TABLES,
            TestDialects.DUCKDB, 100, TableLayout.sharedTables("shared", "tenant_id"));
    // one tenant table as the rewrite renders it; group 1 is the table
    private static final Pattern TENANT_ROWS = Pattern.compile(
            "\\(SELECT \\* FROM shared\\.(\\w+) WHERE shared\\.\\1\\.tenant_id = 'acme'\\)");
    private static final String HCP = rows("hcp");
    private static final String TERRITORY = rows("territory");
    private static final String RX = rows("rx_weekly");

    private final SqlGuard guard = new SqlGuard();

    @Test
    void anUnaliasedTableKeepsItsNameAsTheAlias() {
        GuardedSql guarded = guard.check("SELECT * FROM hcp", ACME_SHARED);
        assertThat(guarded.sql()).isEqualTo("SELECT * FROM " + HCP + " AS hcp LIMIT 100");
        assertThat(guarded.tables()).containsExactly("hcp");
    }

    @Test
    void aLeftJoinFiltersBothSidesBeforeJoiningSoUnmatchedRowsStay() {
        assertThat(sql("SELECT h.full_name, t.territory_name FROM hcp h LEFT JOIN territory t"
                + " ON t.territory_id = h.territory_id"))
                .isEqualTo("SELECT h.full_name, t.territory_name FROM " + HCP + " h LEFT JOIN " + TERRITORY
                        + " t ON t.territory_id = h.territory_id LIMIT 100");
    }

    @Test
    void qualifiedColumnReferencesKeepWorkingThroughTheAlias() {
        assertThat(sql("SELECT hcp.npi FROM hcp")).isEqualTo("SELECT hcp.npi FROM " + HCP + " AS hcp LIMIT 100");
        // a schema in a column or star qualifier names the table, which is now known by its alias only
        assertThat(sql("SELECT acme.hcp.full_name, acme.hcp.* FROM acme.hcp"))
                .isEqualTo("SELECT hcp.full_name, hcp.* FROM " + HCP + " AS hcp LIMIT 100");
        assertThat(sql("SELECT shared.hcp.npi, h2.npi FROM shared.hcp JOIN \"hcp\" h2 USING (hcp_id)"))
                .isEqualTo("SELECT hcp.npi, h2.npi FROM " + HCP + " AS hcp JOIN " + HCP + " h2 USING (hcp_id) LIMIT 100");
    }

    @Test
    void subqueriesInInExistsScalarAndFunctionArgumentsAreFiltered() {
        assertEveryTableFiltered("SELECT * FROM hcp h WHERE EXISTS (SELECT 1 FROM rx_weekly r WHERE r.hcp_id = h.hcp_id)"
                + " AND hcp_id IN (SELECT hcp_id FROM call_activity) AND decile = ANY (SELECT decile FROM hcp)", 4);
        assertEveryTableFiltered("SELECT (SELECT count(*) FROM call_activity c WHERE c.hcp_id = h.hcp_id) AS calls,"
                + " upper((SELECT min(npi) FROM hcp)), coalesce((SELECT max(trx) FROM rx_weekly), 0) FROM hcp h", 4);
        assertThat(sql("SELECT * FROM hcp h WHERE EXISTS (SELECT 1 FROM rx_weekly r WHERE r.hcp_id = h.hcp_id)"))
                .isEqualTo("SELECT * FROM " + HCP + " h WHERE EXISTS (SELECT 1 FROM " + RX
                        + " r WHERE r.hcp_id = h.hcp_id) LIMIT 100");
    }

    @Test
    void cteBodiesAreFilteredAndCteReferencesAreLeftAlone() {
        assertThat(sql("WITH hcp AS (SELECT * FROM hcp WHERE decile = 10) SELECT count(*) FROM hcp"))
                .isEqualTo("WITH hcp AS (SELECT * FROM " + HCP + " AS hcp WHERE decile = 10)"
                        + " SELECT count(*) FROM hcp LIMIT 100");
        assertThat(sql("WITH RECURSIVE wk(i, week_ending) AS (SELECT 1, max(week_ending) FROM rx_weekly UNION ALL"
                + " SELECT i + 1, week_ending - 7 FROM wk WHERE i < 4) SELECT w.week_ending, sum(r.trx) FROM wk w"
                + " LEFT JOIN rx_weekly r ON r.week_ending = w.week_ending GROUP BY w.week_ending"))
                .isEqualTo("WITH RECURSIVE wk(i,week_ending) AS (SELECT 1, max(week_ending) FROM " + RX
                        + " AS rx_weekly UNION ALL SELECT i + 1, week_ending - 7 FROM wk WHERE i < 4)"
                        + " SELECT w.week_ending, sum(r.trx) FROM wk w LEFT JOIN " + RX
                        + " r ON r.week_ending = w.week_ending GROUP BY w.week_ending LIMIT 100");
        assertEveryTableFiltered("WITH RECURSIVE terr(id, depth) AS (SELECT territory_id, 0 FROM territory UNION ALL"
                + " SELECT t.territory_id, depth + 1 FROM territory t JOIN terr ON t.territory_id > terr.id"
                + " WHERE depth < 2) SELECT count(*) FROM terr", 2);
    }

    @Test
    void everyBranchOfASetOperationIsFiltered() {
        assertThat(sql("SELECT hcp_id FROM hcp UNION SELECT hcp_id FROM rx_weekly"))
                .isEqualTo("SELECT hcp_id FROM " + HCP + " AS hcp UNION SELECT hcp_id FROM " + RX
                        + " AS rx_weekly LIMIT 100");
        assertEveryTableFiltered("SELECT hcp_id FROM call_activity INTERSECT SELECT hcp_id FROM rx_weekly"
                + " EXCEPT SELECT hcp_id FROM hcp_target", 3);
        assertEveryTableFiltered("(SELECT territory_id FROM territory WHERE region = 'West') UNION ALL"
                + " (SELECT territory_id FROM hcp) ORDER BY 1", 2);
    }

    @Test
    void lateralAndDerivedTablesAndParenthesedJoinsAreFiltered() {
        assertThat(sql("SELECT h.full_name, x.n FROM hcp h, LATERAL (SELECT count(*) AS n FROM rx_weekly r"
                + " WHERE r.hcp_id = h.hcp_id) x"))
                .isEqualTo("SELECT h.full_name, x.n FROM " + HCP + " h, LATERAL(SELECT count(*) AS n FROM " + RX
                        + " r WHERE r.hcp_id = h.hcp_id) x LIMIT 100");
        assertEveryTableFiltered("SELECT h.full_name, x.last_call FROM hcp h JOIN LATERAL (SELECT max(call_date)"
                + " AS last_call FROM call_activity c WHERE c.hcp_id = h.hcp_id) x ON true", 2);
        assertEveryTableFiltered("SELECT * FROM (SELECT * FROM (SELECT hcp_id, decile FROM hcp) a) b", 1);
        assertThat(sql("SELECT * FROM (hcp h JOIN territory t ON t.territory_id = h.territory_id)"))
                .isEqualTo("SELECT * FROM (" + HCP + " h JOIN " + TERRITORY
                        + " t ON t.territory_id = h.territory_id) LIMIT 100");
    }

    @Test
    void anotherTenantsSchemaAndColumnRenamesAreRefused() {
        assertThatThrownBy(() -> sql("SELECT * FROM globex.hcp")).hasMessage("table globex.hcp is outside your tenant");
        assertThatThrownBy(() -> sql("SELECT globex.hcp.npi FROM hcp"))
                .hasMessage("table globex.hcp is outside your tenant");
        assertThatThrownBy(() -> sql("SELECT * FROM \"SHARED\".hcp")).hasMessageContaining("differs in case");
        // the shared table has one more column than the caller expects, so a positional rename would shift
        assertThatThrownBy(() -> sql("SELECT a FROM hcp AS h(a, b)"))
                .hasMessage("column aliases on table hcp are not allowed on shared tables");
    }

    @Test
    void theTenantIdAndNamesAreRenderedForTheEngine() {
        GuardContext upper = new GuardContext(Fixtures.ACME_TENANT, Fixtures.TABLES, TestDialects.FETCH_FIRST, 5,
                TableLayout.sharedTables("shared", "user"));
        assertThat(guard.check("SELECT * FROM \"HCP\"", upper).sql())
                .isEqualTo("SELECT * FROM (SELECT * FROM shared.hcp WHERE shared.hcp.\"USER\" = 'acme') AS hcp"
                        + " FETCH FIRST 5 ROWS ONLY");
        GuardContext sqlServer = new GuardContext(Fixtures.ACME_TENANT, Fixtures.TABLES, TestDialects.SQLSERVER, 5,
                TableLayout.sharedTables("shared", "tenant_id"));
        assertThat(guard.check("SELECT npi FROM [hcp] ORDER BY 1", sqlServer).sql())
                .isEqualTo("SELECT TOP 5 npi FROM " + HCP + " AS hcp ORDER BY 1");
        assertThatThrownBy(() -> TableLayout.sharedTables("shared", "tenant_id; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileStatementIsStillRefused() {
        return SqlCorpus.load("/guard/hostile.sql").entries().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.label(), () -> {
                    SqlRejectedException refused = catchThrowableOfType(SqlRejectedException.class,
                            () -> guard.check(entry.sql(), ACME_SHARED));
                    assertThat(refused).as("guard let through: %s", entry.sql()).isNotNull();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyLegitStatementReadsOnlyFilteredTables() {
        return SqlCorpus.load("/guard/legit.sql").entries().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.label(), () -> {
                    String rewritten = guard.check(entry.sql(), ACME_SHARED).sql();
                    assertThat(TENANT_ROWS.matcher(rewritten).replaceAll("")).doesNotContain("shared.")
                            .doesNotContainIgnoringCase("acme.");
                }));
    }

    private String sql(String statement) {
        return guard.check(statement, ACME_SHARED).sql();
    }

    /** Each of the {@code tables} table references reads its tenant rows, and no shared table is read bare. */
    private void assertEveryTableFiltered(String statement, int tables) {
        String rewritten = sql(statement);
        Matcher filtered = TENANT_ROWS.matcher(rewritten);
        assertThat(filtered.results().count()).as(rewritten).isEqualTo(tables);
        assertThat(TENANT_ROWS.matcher(rewritten).replaceAll("")).as(rewritten).doesNotContain("shared.");
    }

    private static String rows(String table) {
        return "(SELECT * FROM shared." + table + " WHERE shared." + table + ".tenant_id = 'acme')";
    }
}
