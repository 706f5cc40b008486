package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.warehouse.Dialects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks behind the parse: the engine lexer, DuckDB's second opinion and the PostgreSQL driver's splitter. */
class EngineChecksTest {
    private final SqlGuard guard = new SqlGuard();

    @Test
    void theRenderedStatementMayHoldNoCommentMarkerAndNothingAfterASemicolon() {
        assertThatThrownBy(() -> EngineLexer.screenRendered("SELECT 1 --1", Dialects.byId("duckdb")))
                .hasMessageContaining("comment marker");
        assertThatThrownBy(() -> EngineLexer.screenRendered("SELECT 1 /* x */", Dialects.byId("duckdb")))
                .hasMessageContaining("comment marker");
        assertThatThrownBy(() -> EngineLexer.screenRendered("SELECT 1; SELECT 2", Dialects.byId("duckdb")))
                .hasMessageContaining("only one SELECT statement");
        assertThatCode(() -> EngineLexer.screenRendered("SELECT '--;/*' AS \"a;--\"", Dialects.byId("duckdb")))
                .doesNotThrowAnyException();
    }

    @Test
    void doubleSlashIsRefusedOnlyWhereItStartsAComment() {
        assertThatThrownBy(() -> EngineLexer.screen("SELECT 7 // 2", Dialects.byId("snowflake")))
                .hasMessageContaining("'//'");
        assertThatCode(() -> EngineLexer.screen("SELECT 7 // 2", Dialects.byId("duckdb"))).doesNotThrowAnyException();
        assertThatCode(() -> EngineLexer.screen("SELECT [a]]b'] FROM t", Dialects.byId("sqlserver")))
                .doesNotThrowAnyException();
    }

    @Test
    void thePostgresDriverMustReadExactlyOneStatement() {
        assertThatCode(() -> PostgresStatementCount.requireOne("SELECT ';' AS a, $$;$$ AS b"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PostgresStatementCount.requireOne("SELECT 1; SELECT 2"))
                .hasMessageContaining("reads 2 statements");
        // the driver reads an escape string as PostgreSQL does: the ';' after E'\'' is a statement end
        assertThatThrownBy(() -> PostgresStatementCount.requireOne("SELECT E'\\'' ; DELETE FROM hcp --'"))
                .hasMessageContaining("reads 2 statements");
    }

    @Test
    void duckDbsOwnParseMustNameOnlyTheTenantsTables() {
        DuckDbSecondOpinion engine = DuckDbSecondOpinion.shared();
        FunctionPolicy functions = new FunctionPolicy(Set.of());
        assertThatCode(() -> engine.check("WITH t AS (SELECT * FROM acme.hcp) SELECT * FROM t", "acme",
                Set.of("hcp"), functions)).doesNotThrowAnyException();
        assertThatThrownBy(() -> engine.check("SELECT * FROM globex.hcp", "acme", Set.of("hcp"), functions))
                .hasMessageContaining("globex.hcp");
        assertThatThrownBy(() -> engine.check("SELECT * FROM acme.hcp, read_text('/etc/hostname')", "acme",
                Set.of("hcp"), functions)).hasMessageContaining("table function");
        assertThatThrownBy(() -> engine.check("SELECT (SELECT getenv('HOME')) FROM acme.hcp", "acme",
                Set.of("hcp"), functions)).hasMessageContaining("getenv");
        assertThatThrownBy(() -> engine.check("SELECT 1; SELECT 2", "acme", Set.of(), functions))
                .hasMessageContaining("2 statements");
        assertThatThrownBy(() -> engine.check("COPY (SELECT 1) TO 'x'", "acme", Set.of(), functions))
                .hasMessageContaining("one SELECT");
        assertThatThrownBy(() -> engine.check("SELECT E'\\' AS p, ' AS q, (SELECT content FROM read_text($$/etc/"
                + "hostname$$)) AS r --'", "acme", Set.of(), functions)).hasMessageContaining("table function");
    }

    @Test
    void thePostgresDialectGoesThroughTheDriversSplitter() {
        GuardContext postgres = Fixtures.context(Dialects.byId("postgresql"));
        assertThat(guard.check("SELECT npi FROM hcp WHERE full_name = 'a;b'", postgres).sql())
                .isEqualTo("SELECT npi FROM acme.hcp WHERE full_name = 'a;b' LIMIT 10000");
    }
}
