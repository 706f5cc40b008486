package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prescriptions and calls meet the partner's rows for the same product: the model's two-column relationships
 * (rx_weekly to hcp_target on HCP and product, rx_weekly to formulary on payer and product), in every dialect.
 */
class PartnerJoinTest extends PharmaDemoTest {

    @Test
    void groupsPrescriptionsByTheTierOfTheSameProductsTargetInEveryDialect() {
        for (SqlDialect d : Dialects.all()) {
            GeneratedQuery q = engine.generate("Tirosint TRx by target tier in Q3 2025", in(d));
            assertThat(q.sql()).as(d.id()).contains("FROM hcp_target cur_ht WHERE")
                    .contains(") ht ON rw.hcp_id = ht.hcp_id AND rw.product_id"
                    + " = ht.product_id").contains("GROUP BY ht.tier");
            assertThat(q.explanation()).as(d.id()).contains("Grouped by tier");
            assertThat(q.chart().type()).as(d.id()).isEqualTo("bar");
        }
    }

    @Test
    void restrictsPrescriptionsByTheFormularyRowOfTheirPayerAndProductInEveryDialect() {
        for (SqlDialect d : Dialects.all()) {
            GeneratedQuery q = engine.generate("Voltaren Gel TRx in 2025 from payers where it is Not Covered", in(d));
            assertThat(q.sql()).as(d.id()).contains("FROM formulary cur_f WHERE")
                    .contains(") f ON rw.payer_id = f.payer_id AND rw.product_id"
                    + " = f.product_id").contains("f.status = 'Not Covered'");
            assertThat(q.explanation()).as(d.id()).contains("status = Not Covered");
            assertThat(q.chart().type()).as(d.id()).isEqualTo("number");
            GeneratedQuery split = engine.generate("Levoxyl TRx in 2024 split by prior authorization", in(d));
            assertThat(split.sql()).as(d.id()).contains("GROUP BY f.prior_auth");
        }
    }

    @Test
    void callsMeetTheTargetRowOfTheDetailedProduct() {
        GeneratedQuery q = ask("Tirosint calls by target tier in 2025");
        assertThat(q.sql()).contains("FROM hcp_target cur_ht WHERE")
                .contains(") ht ON ca.hcp_id = ht.hcp_id AND ca.product_id = ht.product_id");
        QueryResult engineRows = warehouse.query(q.sql(), List.of(), Duration.ofSeconds(30), 100);
        QueryResult gold = warehouse.query("SELECT ht.tier, COUNT(*) AS calls FROM call_activity c JOIN hcp_target ht"
                + " ON ht.hcp_id = c.hcp_id AND ht.product_id = c.product_id JOIN product p ON p.product_id ="
                + " c.product_id WHERE p.product_name = 'Tirosint' AND c.call_date BETWEEN DATE '2025-01-01' AND"
                + " DATE '2025-12-31' GROUP BY ht.tier ORDER BY calls DESC, ht.tier", List.of(),
                Duration.ofSeconds(30), 100);
        assertThat(engineRows.rows()).isEqualTo(gold.rows());
    }

    @Test
    void aListedRowIsStillAskedOfItsOwnTableNotOfAPrescriptionPaidUnderIt() {
        assertThat(ask("which payers cover Flector").sql()).contains("FROM formulary").doesNotContain("rx_weekly");
        // the formulary has no time: a period said of it is refused, never moved onto prescriptions paid under it
        assertThat(refusal("payers covering Flector in 2025").getMessage()).contains("no time dimension");
    }

    private static TenantWarehouse in(SqlDialect dialect) {
        return new InDialect(warehouse, dialect);
    }
}
