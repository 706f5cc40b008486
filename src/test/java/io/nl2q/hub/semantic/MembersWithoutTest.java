package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Territories with no X TRx in a period": the members without the activity, an anti-join from their own table. */
class MembersWithoutTest extends PharmaDemoTest {

    @Test
    void listsTheMembersThatHaveNoneOfItInEveryDialect() {
        for (SqlDialect d : Dialects.all()) {
            GeneratedQuery q = engine.generate("which territories had no Licart TRx in December 2025",
                    new InDialect(warehouse, d));
            assertThat(q.sql()).as(d.id()).startsWith("SELECT DISTINCT t.territory_id").contains("FROM territory t")
                    .contains("NOT EXISTS (SELECT 1 FROM rx_weekly").doesNotContain("<> 'Licart'");
            assertThat(q.explanation()).as(d.id()).contains("with no rx_weekly rows");
            assertThat(q.chart().type()).as(d.id()).isEqualTo("table");
        }
    }

    @Test
    void theAnswerIsTheMembersWithoutRows() {
        GeneratedQuery q = ask("territories with zero Flector calls in October 2025");
        QueryResult engineRows = warehouse.query(q.sql(), List.of(), Duration.ofSeconds(30), 100);
        QueryResult gold = warehouse.query("SELECT t.territory_id, t.territory_name FROM territory t WHERE NOT EXISTS"
                + " (SELECT 1 FROM call_activity c JOIN product p ON p.product_id = c.product_id WHERE c.territory_id ="
                + " t.territory_id AND p.product_name = 'Flector' AND c.call_date BETWEEN DATE '2025-10-01' AND"
                + " DATE '2025-10-31') ORDER BY 1, 2", List.of(), Duration.ofSeconds(30), 100);
        assertThat(engineRows.rows()).isEqualTo(gold.rows());
        assertThat(ask("how many territories had no Licart TRx in December 2025").sql())
                .startsWith("SELECT COUNT(DISTINCT t.territory_id)").contains("NOT EXISTS");
    }

    @Test
    void refusesMembersWithNoneOfAMeasureARowCanHoldZeroOf() {
        // NRx may be 0 on a row that exists, so "no NRx" is not "no rows"; the other products' NRx is another question
        assertThat(refusal("payers with no Cytomel NRx in Q4 2025").getMessage()).contains("none of nrx");
    }
}
