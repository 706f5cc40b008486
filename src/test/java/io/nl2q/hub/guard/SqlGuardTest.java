package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlGuardTest {
    private final SqlGuard guard = new SqlGuard();

    @Test
    void injectsTheCapWhenThereIsNoLimit() {
        GuardedSql guarded = guard.check("SELECT * FROM hcp", Fixtures.ACME);
        assertThat(guarded.sql()).isEqualTo("SELECT * FROM acme.hcp LIMIT 10000");
        assertThat(guarded.rowLimit()).isEqualTo(10_000);
        assertThat(guarded.tables()).containsExactly("hcp");
    }

    @Test
    void clampsALargerLimitAndKeepsASmallerOne() {
        assertThat(guard.check("SELECT * FROM hcp LIMIT 50000", Fixtures.ACME).sql()).endsWith("LIMIT 10000");
        GuardedSql small = guard.check("SELECT * FROM hcp LIMIT 7 OFFSET 3", Fixtures.ACME);
        assertThat(small.sql()).isEqualTo("SELECT * FROM acme.hcp LIMIT 7 OFFSET 3");
        assertThat(small.rowLimit()).isEqualTo(7);
    }

    @Test
    void limitAllIsTreatedAsNoLimitAndAnExpressionIsRefused() {
        assertThat(guard.check("SELECT * FROM hcp LIMIT ALL", Fixtures.ACME).rowLimit()).isEqualTo(10_000);
        assertThatThrownBy(() -> guard.check("SELECT * FROM hcp LIMIT 2 * 5", Fixtures.ACME))
                .hasMessageContaining("LIMIT must be a non-negative integer literal");
    }

    @Test
    void bindsValuesToPlainPlaceholdersOnlyWhenTheCallerBindsThem() {
        GuardedSql bound = guard.check("SELECT npi FROM hcp WHERE crm_account_id = ? AND state = ?",
                List.of("001000000000001", "NY"), Fixtures.ACME);
        assertThat(bound.sql())
                .isEqualTo("SELECT npi FROM acme.hcp WHERE crm_account_id = ? AND state = ? LIMIT 10000");
        assertThat(bound.parameters()).containsExactly("001000000000001", "NY");
        assertThatThrownBy(() -> guard.check("SELECT npi FROM hcp WHERE state = ?", Fixtures.ACME))
                .hasMessageContaining("bind parameters are not allowed");
        assertThatThrownBy(() -> guard.check("SELECT npi FROM hcp WHERE state = ?", List.of("NY", "CA"),
                Fixtures.ACME)).hasMessageContaining("1 placeholders for 2 bound values");
        assertThatThrownBy(() -> guard.check("SELECT npi FROM hcp WHERE state = :s", List.of("NY"), Fixtures.ACME))
                .isInstanceOf(SqlRejectedException.class);
    }

    @Test
    void capsTheOuterStatementOfASetOperation() {
        GuardedSql guarded = guard.check("SELECT hcp_id FROM hcp UNION SELECT hcp_id FROM rx_weekly LIMIT 20000",
                Fixtures.ACME);
        assertThat(guarded.sql())
                .isEqualTo("SELECT hcp_id FROM acme.hcp UNION SELECT hcp_id FROM acme.rx_weekly LIMIT 10000");
        assertThat(guarded.tables()).containsExactlyInAnyOrder("hcp", "rx_weekly");
    }

    @Test
    void rendersTopForASqlServerLikeDialect() {
        GuardContext sqlServer = Fixtures.context(TestDialects.SQLSERVER);
        assertThat(guard.check("SELECT full_name FROM hcp ORDER BY 1 LIMIT 20000", sqlServer).sql())
                .isEqualTo("SELECT TOP 10000 full_name FROM acme.hcp ORDER BY 1");
        assertThat(guard.check("SELECT TOP 5 full_name FROM [hcp]", sqlServer).sql())
                .isEqualTo("SELECT TOP 5 full_name FROM acme.hcp");
        assertThat(guard.check("SELECT 1 AS x UNION SELECT 2 ORDER BY x", sqlServer).sql())
                .isEqualTo("SELECT TOP 10000 * FROM (SELECT 1 AS x UNION SELECT 2) AS guarded_rows ORDER BY x");
    }

    @Test
    void rendersFetchFirstForAnAnsiDialect() {
        GuardContext ansi = Fixtures.context(TestDialects.FETCH_FIRST);
        assertThat(guard.check("SELECT * FROM hcp LIMIT 25", ansi).sql())
                .isEqualTo("SELECT * FROM acme.hcp FETCH FIRST 25 ROWS ONLY");
        assertThat(guard.check("SELECT * FROM hcp", ansi).rowLimit()).isEqualTo(10_000);
    }

    @Test
    void qualifiesTablesQuotingOnlyNamesThatNeedIt() {
        Set<String> tables = Set.of("hcp", "order");
        GuardContext duck = new GuardContext(Fixtures.ACME_TENANT, tables, TestDialects.DUCKDB, 100);
        assertThat(guard.check("SELECT o.x FROM \"order\" o JOIN hcp h ON h.hcp_id = o.x", duck).sql())
                .isEqualTo("SELECT o.x FROM acme.\"order\" o JOIN acme.hcp h ON h.hcp_id = o.x LIMIT 100");
        GuardContext sqlServer = new GuardContext(Fixtures.ACME_TENANT, tables, TestDialects.SQLSERVER, 100);
        assertThat(guard.check("SELECT * FROM [order]", sqlServer).sql())
                .isEqualTo("SELECT TOP 100 * FROM acme.[order]");
        GuardContext upper = new GuardContext(Fixtures.ACME_TENANT, tables, TestDialects.FETCH_FIRST, 100);
        assertThat(guard.check("SELECT * FROM \"ORDER\"", upper).sql())
                .isEqualTo("SELECT * FROM acme.\"ORDER\" FETCH FIRST 100 ROWS ONLY");
    }

    @Test
    void aQuotedNameOfAnotherCaseIsRefusedNotGuessed() {
        assertThatThrownBy(() -> guard.check("SELECT * FROM \"HCP\"", Fixtures.ACME))
                .hasMessageContaining("differs in case");
        GuardContext upper = Fixtures.context(TestDialects.FETCH_FIRST);
        assertThatThrownBy(() -> guard.check("SELECT * FROM \"hcp\"", upper)).hasMessageContaining("differs in case");
        assertThat(guard.check("SELECT * FROM \"HCP\"", upper).tables()).containsExactly("hcp");
    }

    @Test
    void aCteShadowingATenantTableIsTheCteButItsOwnBodyReadsTheTable() {
        GuardedSql guarded = guard.check("WITH hcp AS (SELECT * FROM hcp WHERE decile = 10) SELECT * FROM hcp",
                Fixtures.ACME);
        assertThat(guarded.sql())
                .isEqualTo("WITH hcp AS (SELECT * FROM acme.hcp WHERE decile = 10) SELECT * FROM hcp LIMIT 10000");
        assertThat(guarded.tables()).containsExactly("hcp");
    }

    @Test
    void aCteIsNotInScopeOutsideTheQueryThatDefinesIt() {
        assertThatThrownBy(() -> guard.check(
                "SELECT * FROM (WITH z AS (SELECT 1) SELECT * FROM z) q JOIN z ON true", Fixtures.ACME))
                .hasMessage("table z is not a table of your tenant");
    }

    @Test
    void reasonsNameWhatWasFound() {
        assertThatThrownBy(() -> guard.check("DELETE FROM hcp", Fixtures.ACME))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessage("only one SELECT statement is allowed; found DELETE");
        assertThatThrownBy(() -> guard.check("SELECT * FROM globex.hcp", Fixtures.ACME))
                .hasMessage("table globex.hcp is outside your tenant");
        assertThatThrownBy(() -> guard.check("SELECT read_csv('x')", Fixtures.ACME))
                .hasMessage("function read_csv is not allowed: it reads files");
        assertThatThrownBy(() -> guard.check("SELECT * FROM range(10)", Fixtures.ACME))
                .hasMessage("table function range(...) is not allowed");
        assertThatThrownBy(() -> guard.check("SELECT 1; DROP TABLE hcp", Fixtures.ACME))
                .hasMessage("only one SELECT statement is allowed; found 2 statements (SELECT, DROP)");
    }

    @Test
    void commentsNeverReachTheWarehouse() {
        String sql = guard.check("SELECT 1 /* outer /* nested */ ; DROP TABLE hcp -- */ FROM hcp", Fixtures.ACME).sql();
        assertThat(sql).doesNotContain("DROP").doesNotContain("/*").doesNotContain("--");
    }

    @Test
    void theDialectsOwnDeniedFunctionsAndSystemSchemasAreRefused() {
        assertThatThrownBy(() -> guard.check("SELECT duckdb_only_fn(1)", Fixtures.ACME))
                .hasMessageContaining("duckdb_only_fn");
        assertThatThrownBy(() -> guard.check("SELECT * FROM sys.objects", Fixtures.context(TestDialects.SQLSERVER)))
                .hasMessageContaining("system catalog");
    }

    @Test
    void theRewriteIsStableWhenCheckedAgain() {
        GuardedSql once = guard.check("WITH t AS (SELECT * FROM territory) SELECT * FROM t, hcp LIMIT 5",
                Fixtures.ACME);
        assertThat(guard.check(once.sql(), Fixtures.ACME)).isEqualTo(once);
    }
}
