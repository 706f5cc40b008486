package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.boast.ExportRunner;
import io.nl2q.hub.powerbi.PowerBiStubs;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: a read through each path (question API, Power BI query, widget data and ask, BOAST export, CRM insight
 * computation, Power BI push) is one audit row, and the compliance report counts it; the hub's queryId is its own,
 * whatever correlation id the client sends.
 */
@HubTest
class DataReadAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate appState;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    ExportRunner exports;
    @Autowired
    InsightAnalysis insights;
    @Autowired
    SavedQuestions saved;
    @Autowired
    ProducerTemplate producer;

    @Test
    void aReadThroughEachPathIsOneAuditRowInTheComplianceReport() throws Exception {
        var http = new HubHttp(port);
        String from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
        JsonNode acmeBefore = report(http, "acme-demo-key", from);
        JsonNode initrodeBefore = report(http, "initrode-demo-key", from);

        // tenant acme: a question, a Power BI question, an export, a push
        String question = "{\"question\":\"how many prescribers are there\"}";
        assertThat(http.post("/api/v1/query", "acme-demo-key", question).status()).isEqualTo(200);
        assertThat(http.post("/api/powerbi/query", "acme-demo-key", question).status()).isEqualTo(200);
        long exported = exports.run("acme_tiers").rows();
        PowerBiStubs.startShared();
        saved.save("acme", "api_writers", null, "SELECT hcp_id, specialty, decile FROM hcp");
        producer.requestBody("direct:powerbi-push", "acme-writers");

        // tenant initrode: a widget link, its data and its ask box, the CRM insight computation
        String crmId = InitrodeFixture.linkedPromotedHcp(
                new JdbcTemplate(warehouses.forTenant("initrode").writer()));
        String url = http.post("/api/v1/crm/widget-links", "initrode-demo-key",
                "{\"crmAccountId\":\"" + crmId + "\"}").json().path("url").asText();
        String token = url.substring(url.indexOf("?t=") + 3);
        assertThat(http.get("/widget/api/hcp/" + crmId + "?t=" + token, null).status()).isEqualTo(200);
        assertThat(http.post("/widget/api/hcp/" + crmId + "/ask?t=" + token, null,
                "{\"question\":\"top 10 prescribers by TRx for Tirosint in Q4 2024\"}").status()).isEqualTo(200);
        assertThat(insights.analyse("initrode")).isNotEmpty();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode acme = report(http, "acme-demo-key", from);
            assertThat(acme.path("questionsAsked").asLong() - acmeBefore.path("questionsAsked").asLong())
                    .as("the question API and the Power BI query").isEqualTo(2);
            assertThat(grew(acmeBefore, acme, "boast-export:acme_tiers")).isEqualTo(1);
            assertThat(grew(acmeBefore, acme, "powerbi-push:acme-writers")).isEqualTo(1);

            JsonNode initrode = report(http, "initrode-demo-key", from);
            assertThat(initrode.path("questionsAsked").asLong() - initrodeBefore.path("questionsAsked").asLong())
                    .as("the widget's ask box").isEqualTo(1);
            assertThat(grew(initrodeBefore, initrode, "crm-widget-data")).as("HCP, trend, calls").isEqualTo(3);
            assertThat(grew(initrodeBefore, initrode, "crm-insights")).isEqualTo(1);
            // the link was issued by a key with PII roles: the widget read the HCP's name and NPI, and says so
            JsonNode pii = initrode.path("piiAccesses").path("byColumn");
            assertThat(pii.path("hcp.npi").asLong()).isGreaterThan(initrodeBefore.path("piiAccesses")
                    .path("byColumn").path("hcp.npi").asLong());
        });
        assertThat(appState.queryForObject("SELECT row_count FROM query_audit WHERE tenant_id = 'acme'"
                + " AND detail = 'boast-export:acme_tiers' ORDER BY audit_id DESC LIMIT 1", Long.class))
                .isEqualTo(exported);
        Map<String, Object> push = appState.queryForMap("SELECT subject, outcome, row_count, sql_text FROM query_audit"
                + " WHERE tenant_id = 'acme' AND kind = 'read' AND detail = 'powerbi-push:acme-writers'"
                + " ORDER BY audit_id DESC LIMIT 1");
        assertThat(push.get("outcome")).isEqualTo("ANSWERED");
        assertThat(((Number) push.get("row_count")).longValue()).isPositive();
        assertThat((String) push.get("sql_text")).containsIgnoringCase("decile");
    }

    @Test
    void theQueryIdIsTheHubsAndTheCorrelationIdStaysTheClientsTraceId() throws Exception {
        String trace = "trace-" + UUID.randomUUID();
        JsonNode first = ask(trace);
        JsonNode second = ask(trace);
        assertThat(first.path("queryId").asText()).isNotBlank().isNotEqualTo(trace)
                .isNotEqualTo(second.path("queryId").asText());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(appState.queryForList(
                "SELECT query_id FROM query_audit WHERE correlation_id = ? AND kind = 'question'", String.class, trace))
                .containsExactlyInAnyOrder(first.path("queryId").asText(), second.path("queryId").asText()));
    }

    private JsonNode ask(String correlationId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/query")).header("Content-Type", "application/json")
                .header("X-API-Key", "acme-demo-key").header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"how many prescribers are there\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        return JSON.readTree(r.body());
    }

    private static long grew(JsonNode before, JsonNode after, String purpose) {
        return after.path("dataReads").path("byType").path(purpose).asLong()
                - before.path("dataReads").path("byType").path(purpose).asLong();
    }

    private static JsonNode report(HubHttp http, String adminKey, String from) {
        HubHttp.Reply r = http.get("/api/v1/audit/report?from=" + from + "&to="
                + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
