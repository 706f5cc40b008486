package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The widget's ask box over HTTP, as widget.js calls it: scoped to the link's HCP, refusing other questions. */
@HubTest
class WidgetAskTest {
    @LocalServerPort
    int port;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    WidgetLinks links;

    private HubHttp.Reply ask(String crmId, String question) {
        String token = links.token(links.issue("initrode", crmId, "rep@initrode"));
        return new HubHttp(port).post("/widget/api/hcp/" + crmId + "/ask?t=" + token, null,
                "{\"question\":\"" + question + "\"}");
    }

    @Test
    void answersAboutTheLinkedHcpOnlyEvenOutsideTheTopTen() {
        JdbcTemplate w = new JdbcTemplate(warehouses.forTenant("initrode").writer());
        // the linked HCP with the least Tirosint TRx in Q4 2024: not among the tenant's top 10
        Map<String, Object> hcp = w.queryForMap("SELECT h.crm_account_id, h.hcp_id, SUM(r.trx) AS trx"
                + " FROM initrode.hcp h JOIN initrode.rx_weekly r ON r.hcp_id = h.hcp_id JOIN initrode.product p"
                + " ON p.product_id = r.product_id WHERE h.crm_account_id IS NOT NULL AND p.product_name = 'Tirosint'"
                + " AND r.week_ending BETWEEN DATE '2024-10-01' AND DATE '2024-12-31'"
                + " GROUP BY h.crm_account_id, h.hcp_id HAVING SUM(r.trx) > 0 ORDER BY trx, h.hcp_id LIMIT 1");
        String crmId = (String) hcp.get("crm_account_id");

        var answer = ask(crmId, "Show me top 10 prescribers by TRx for Tirosint in Q4 2024");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("explanation").asText()).endsWith("(this HCP only)");
        var rows = answer.json().path("rows");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(answer.json().path("columns").get(0).asText()).isEqualTo("hcp_id");
        assertThat(rows.get(0).get(0).asText()).isEqualTo(hcp.get("hcp_id"));
        assertThat(rows.get(0).get(rows.get(0).size() - 1).asLong()).isEqualTo(((Number) hcp.get("trx")).longValue());
    }

    @Test
    void refusesAQuestionThatIsNotAboutTheHcp() {
        String crmId = new JdbcTemplate(warehouses.forTenant("initrode").writer()).queryForObject(
                "SELECT MIN(crm_account_id) FROM initrode.hcp WHERE crm_account_id IS NOT NULL", String.class);
        for (String question : new String[] {"total TRx by product", "how many reps are there"}) {
            var refused = ask(crmId, question);
            assertThat(refused.status()).as(question).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo("UNANSWERABLE");
            assertThat(refused.body()).doesNotContain("Binder Error").doesNotContain("\"rows\"");
        }
    }
}
