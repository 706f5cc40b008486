package io.nl2q.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.HubHttp.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public HTTP contract of the question and SQL endpoints, over real HTTP against the running hub. */
@HubTest
class QueryApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate appState;
    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void sqlAnswersFromTheCallersSchemaInTheContractShape() {
        Reply r = http.sql("acme-demo-key", "SELECT region, COUNT(*) AS n FROM territory GROUP BY region ORDER BY region");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("columns").findValuesAsText("name")).containsExactly("region", "n");
        assertThat(body.path("rows")).hasSize(5);
        assertThat(body.path("rows").get(0).get(0).asText()).isEqualTo("Midwest");
        assertThat(body.path("rows").get(0).get(1).asInt()).isEqualTo(6);
        assertThat(body.path("sql").asText()).contains("acme").contains("LIMIT 501");
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.path("queryId").asText()).isNotBlank();
        assertThat(body.has("elapsedMs")).isTrue();
    }

    @Test
    void eachTenantSeesOnlyItsOwnData() {
        long acme = http.sql("acme-demo-key", "SELECT COUNT(*) FROM hcp").json().path("rows").get(0).get(0).asLong();
        long globex = http.sql("globex-demo-key", "SELECT COUNT(*) FROM hcp").json().path("rows").get(0).get(0).asLong();
        // the demo data scale linearly: acme at 0.03 and globex at 0.01 of 6,000 HCPs
        assertThat(acme).isEqualTo(180);
        assertThat(globex).isEqualTo(60);
        Reply reach = http.sql("acme-demo-key", "SELECT COUNT(*) FROM globex.hcp");
        assertThat(reach.status()).isEqualTo(400);
        assertThat(reach.errorCode()).isEqualTo("SQL_REJECTED");
        assertThat(reach.json().path("error").path("phase").asText()).isEqualTo("guard");
    }

    @Test
    void rowCapTruncates() {
        Reply r = http.sql("acme-demo-key", "SELECT week_ending, hcp_id FROM rx_weekly ORDER BY week_ending, hcp_id LIMIT 100000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("rows")).hasSize(500);
        assertThat(r.json().path("truncated").asBoolean()).isTrue();
        Reply exact = http.sql("acme-demo-key", "SELECT week_ending, hcp_id FROM rx_weekly ORDER BY 1, 2 LIMIT 500");
        assertThat(exact.json().path("rows")).hasSize(500);
        assertThat(exact.json().path("truncated").asBoolean()).isFalse();
    }

    @Test
    void questionIsAnsweredThroughTheQueryAskRoute() {
        Reply r = http.ask("acme-demo-key", "Show me top 10 prescribers by TRx for Tirosint in Q4 2024");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("rows")).hasSize(10);
        assertThat(body.path("engine").asText()).isEqualTo("semantic");
        assertThat(body.path("chart").path("type").asText()).isEqualTo("bar");
        assertThat(body.path("explanation").asText()).contains("Tirosint").contains("2024-10-01");
        assertThat(body.path("question").asText()).startsWith("Show me top 10");
        List<String> columns = body.path("columns").findValuesAsText("name");
        int trxColumn = columns.indexOf("trx");
        assertThat(trxColumn).as("columns %s", columns).isNotNegative();
        List<Long> trx = new ArrayList<>();
        body.path("rows").forEach(row -> trx.add(row.get(trxColumn).asLong()));
        assertThat(trx).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        String queryId = body.path("queryId").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(appState.queryForObject(
                "SELECT outcome FROM query_audit WHERE query_id = ?", String.class, queryId))
                .isEqualTo("ANSWERED"));
    }

    @Test
    void unanswerableQuestionGetsSuggestions() {
        Reply r = http.ask("acme-demo-key", "what will the weather be tomorrow");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("UNANSWERABLE");
        assertThat(r.json().path("error").path("suggestions").size()).isPositive();
        assertNoInternals(r);
    }

    @Test
    void badRequestsAreRefusedWithTheErrorContract() {
        assertError(http.post("/api/v1/query", "acme-demo-key", "{\"question\": "), 400, "BAD_REQUEST");
        assertError(http.post("/api/v1/query", "acme-demo-key", "{}"), 400, "BAD_REQUEST");
        assertError(http.post("/api/v1/query", "acme-demo-key", "{\"question\": 42}"), 400, "BAD_REQUEST");
        assertError(http.ask("acme-demo-key", "   "), 400, "BAD_REQUEST");
        assertError(http.ask("acme-demo-key", "x".repeat(2001)), 400, "BAD_REQUEST");
        assertError(http.post("/api/v1/sql", "acme-demo-key", "[1,2]"), 400, "BAD_REQUEST");
        assertError(http.sql("acme-demo-key", "DELETE FROM hcp"), 400, "SQL_REJECTED");
        assertError(http.sql("acme-demo-key", "SELECT no_such_column FROM hcp"), 400, "INVALID_QUERY");
    }

    @Test
    void callersWithoutAValidKeyOrRoleAreRefused() {
        assertError(http.ask(null, "list the reps"), 401, "UNAUTHORIZED");
        assertError(http.ask("not-a-key", "list the reps"), 401, "UNAUTHORIZED");
        assertError(http.sql("acme-viewer-key", "SELECT 1"), 403, "FORBIDDEN");
        assertThat(http.ask("acme-viewer-key", "list the reps in the West").status()).isEqualTo(200);
    }

    @Test
    void slowQueryTimesOut() {
        assertError(http.sql("acme-demo-key",
                "SELECT COUNT(*) FROM rx_weekly a, rx_weekly b, rx_weekly c WHERE a.trx + b.trx + c.trx < 0"),
                504, "QUERY_TIMEOUT");
    }

    @Test
    void unreachableWarehouseIsAServiceUnavailable() {
        assertError(http.sql("initech-test-key", "SELECT 1 AS one"), 503, "WAREHOUSE_UNAVAILABLE");
    }

    private static void assertError(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.errorCode()).as(r.body()).isEqualTo(code);
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
        assertThat(r.json().path("error").path("correlationId").asText()).isNotBlank();
        assertThat(r.json().path("error").path("phase").asText()).isNotBlank();
        assertNoInternals(r);
    }

    private static void assertNoInternals(Reply r) {
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.nl2q");
    }
}
