package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Every legitimate statement passes the guard and its rewrite runs on DuckDB without a search path (the default
 * schema holds no tables, so an unqualified tenant table would fail) and never returns a globex value.
 */
class LegitCorpusTest {
    private static final SqlCorpus LEGIT = SqlCorpus.load("/guard/legit.sql");
    private static Connection duckdb;
    private final SqlGuard guard = new SqlGuard();

    @BeforeAll
    static void openWarehouse() throws SQLException {
        duckdb = DemoWarehouse.open();
    }

    @AfterAll
    static void closeWarehouse() throws SQLException {
        duckdb.close();
    }

    @Test
    void corpusIsLargeEnoughToMeanSomething() {
        assertThat(LEGIT.entries()).hasSizeGreaterThanOrEqualTo(70);
    }

    @TestFactory
    Stream<DynamicTest> everyLegitStatementPassesRunsAndReadsOnlyAcme() {
        return LEGIT.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.label(), () -> {
            GuardedSql guarded = guard.check(entry.sql(), Fixtures.ACME);
            assertThat(guarded.rowLimit()).isBetween(1, Fixtures.MAX_ROWS);
            assertThat(guarded.sql()).doesNotContainIgnoringCase("globex");
            List<String> cells = run(guarded.sql());
            assertThat(cells.size()).isLessThanOrEqualTo(guarded.rowLimit() * 64);
            assertThat(cells).noneMatch(cell -> cell.contains(DemoWarehouse.GLOBEX_MARK)
                    || cell.contains(DemoWarehouse.GLOBEX_NUMBER));
        }));
    }

    @Test
    void theLeakCheckItselfWouldSeeGlobexData() throws SQLException {
        assertThat(run("SELECT territory_name FROM globex.territory"))
                .anyMatch(cell -> cell.contains(DemoWarehouse.GLOBEX_MARK));
        assertThat(run("SELECT trx FROM globex.rx_weekly"))
                .anyMatch(cell -> cell.contains(DemoWarehouse.GLOBEX_NUMBER));
    }

    @Test
    void unqualifiedTablesDoNotResolveWithoutTheRewrite() {
        assertThatThrownBy(() -> run("SELECT * FROM hcp")).isInstanceOf(SQLException.class);
    }

    private static List<String> run(String sql) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(rows.getObject(i)));
                }
            }
        }
        return cells;
    }
}
