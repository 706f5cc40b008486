package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.pipeline.GeneratedQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The pharma model over the generated demo warehouse: what is compiled, explained, charted and refused. */
class SemanticEngineTest extends PharmaDemoTest {

    @Test
    void ranksPrescribersByKeyAndNameAndExplainsThePeriodWithItsDates() {
        GeneratedQuery q = ask("Show me top 10 prescribers by TRx for Tirosint in Q4 2024");
        assertThat(q.engine()).isEqualTo("semantic");
        assertThat(q.sql()).contains("GROUP BY h.hcp_id, h.full_name").contains("p.product_name = 'Tirosint'")
                .contains("LIMIT 10");
        assertThat(q.explanation()).contains("trx = SUM(trx)", "Q4 2024 (2024-10-01 to 2024-12-31)",
                "product_name = Tirosint", "descending, first 10 rows");
        assertThat(q.chart().type()).isEqualTo("bar");
    }

    @Test
    void suggestsChartsByShape() {
        assertThat(ask("monthly NRx trend for Flector in 2025").chart().type()).isEqualTo("line");
        assertThat(ask("total trx for tirosint in 2024").chart().type()).isEqualTo("number");
        assertThat(ask("list the reps in the West").chart().type()).isEqualTo("table");
    }

    @Test
    void resolvesRelativePeriodsAgainstTheDataNotTheClock() {
        assertThat(ask("Tirosint TRx over the last 4 weeks").explanation()).contains("2025-11-29 to 2025-12-26");
        assertThat(ask("Tirosint market share by region last quarter").explanation())
                .contains("Q3 2025 (2025-07-01 to 2025-09-30)");
    }

    @Test
    void rendersCanonicalValuesFromTheWarehouseNeverTheQuestionsWords() {
        assertThat(ask("tirosint sol trx in 2025").sql()).contains("'Tirosint-SOL'");
        assertThat(ask("trx for flector in texas in 2025").sql()).contains("t.state = 'TX'");
        assertThat(ask("TRx for Flector in IN in 2025").sql()).contains("t.state = 'IN'");
        assertThat(ask("how many endocrinologists wrote Tirosint this year").sql()).contains("'Endocrinology'");
    }

    @Test
    void aggregatesTwoActivitiesSeparatelyBeforeJoiningThem() {
        GeneratedQuery q = ask("TRx and calls by territory in 2025");
        assertThat(q.sql()).startsWith("WITH m1 AS (SELECT").contains("FULL OUTER JOIN m2 ON m1.territory_id");
        String[] parts = q.sql().split("\\), m2 AS \\(");
        assertThat(parts[0]).contains("rx_weekly").doesNotContain("call_activity");
        assertThat(parts[1].split("\\) SELECT")[0]).contains("call_activity").doesNotContain("rx_weekly");
        assertThat(q.explanation()).contains("no fan-out");
        assertThat(refusal("TRx and calls by payer in 2025").getMessage()).contains("payer applies to rx_weekly");
    }

    @Test
    void rendersInTheTenantsDialect() {
        io.nl2q.hub.warehouse.SqlDialect sqlServer = io.nl2q.hub.warehouse.Dialects.byId("sqlserver");
        io.nl2q.hub.warehouse.TenantWarehouse onSqlServer = new io.nl2q.hub.warehouse.TenantWarehouse() {
            public io.nl2q.hub.tenancy.TenantRef tenant() {
                return new io.nl2q.hub.tenancy.TenantRef("mssql", "acme");
            }

            public io.nl2q.hub.warehouse.SqlDialect dialect() {
                return sqlServer;
            }

            public java.util.Set<String> tables() {
                return warehouse.tables();
            }

            public io.nl2q.hub.warehouse.QueryResult query(String sql, java.util.List<?> parameters,
                                                           java.time.Duration t, int rows) {
                return warehouse.query(sql, parameters, t, rows);
            }

            public javax.sql.DataSource writer() {
                throw new UnsupportedOperationException();
            }
        };
        GeneratedQuery top = engine.generate("top 5 territories by TRx in Q4 2024", onSqlServer);
        assertThat(top.sql()).startsWith("SELECT TOP 5 ").contains("CAST('2024-10-01' AS DATE)").doesNotContain("LIMIT").doesNotContain("NULLS LAST");
        // call dates are days, so their weeks are computed in the dialect; week_ending already ends one week
        assertThat(engine.generate("weekly calls in 2025", onSqlServer).sql()).contains("DATEADD(day");
        assertThat(engine.generate("weekly TRx for Tirosint in 2025", onSqlServer).sql())
                .contains("GROUP BY rw.week_ending").doesNotContain("DATEADD(day");
    }

    @Test
    void neverCorrectsAnUnknownWordToAFunctionWord() {
        // "cover" is one edit from the stop word "over": reading it so would drop the word and answer another question
        assertThat(refusal("how many payers durring Licart").getMessage()).doesNotContain("durring -> during");
    }

    @Test
    void answersTargetAndFormularyQuestionsOnOneRelatedRow() {
        assertThat(ask("how many payers cover Licart").sql()).contains("status IN ('Preferred', 'Covered')")
                .contains("'Licart'").doesNotContain("rx_weekly");
        String notCovered = ask("list payers with Flector not covered").sql();
        assertThat(notCovered).containsOnlyOnce("EXISTS").contains("'Not Covered'").contains("'Flector'");
        assertThat(ask("which payers require prior authorization for Tirosint").sql()).containsOnlyOnce("EXISTS")
                .contains("prior_auth = TRUE").contains("'Tirosint'");
        assertThat(ask("how many tier A targets for Tirosint").sql()).contains("COUNT(DISTINCT ht.hcp_id)");
        String restricted = ask("Tirosint TRx from targeted HCPs in 2025").sql();
        // the latest version of each target row (valid_from), then the target's own product
        assertThat(restricted).contains("EXISTS (SELECT 1 FROM (SELECT * FROM hcp_target").containsPattern(
                "\\) x1_ht JOIN product x1_p [^)]*x1_p.product_name = 'Tirosint'");
        refusal("payers that do not cover Flector");
        refusal("HCPs targeted for Tirosint called in 2025");
        assertThat(refusal("untargeted hcps").getMessage()).doesNotContain("-> targeted");
    }

    @Test
    void neverJoinsFromTheOneSideToTheManySide() {
        JoinPlanner joins = new JoinPlanner(ModelLoader.load(Path.of("config/semantic/pharma.yaml")));
        assertThat(joins.plan("rx_weekly", java.util.Set.of("territory"))).extracting(JoinPlanner.Step::to)
                .containsExactly("hcp", "territory");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> joins.plan("hcp", java.util.Set.of("rx_weekly")))
                .isInstanceOf(Unanswerable.class).hasMessageContaining("more than once");
    }

    @Test
    void refusesWhatItDoesNotUnderstandWithDidYouMean() {
        HubException e = refusal("Tirsnt TRx in 2025");
        assertThat(e.getMessage()).contains("Tirsnt");
        assertThat(e.suggestions()).contains("Tirosint");
        assertThat(refusal("how many patients are on Tirosint").getMessage()).contains("patients");
        assertThat(refusal("Tirosint TRx in 2022").getMessage()).contains("2023-01-06 to 2025-12-26");
        assertThat(refusal("TRx for Tirosint'; DROP TABLE hcp; --").suggestions()).isNotEmpty();
    }

    @Test
    void answersMembersWithAndWithoutAnActivity() {
        String sql = ask("HCPs called in Q4 2024 who wrote no Tirosint").sql();
        assertThat(sql).contains("EXISTS (SELECT 1 FROM call_activity").contains("NOT EXISTS (SELECT 1 FROM rx_weekly");
        assertThat(ask("HCPs never called").sql()).contains("NOT EXISTS");
    }
}
