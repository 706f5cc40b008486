package io.nl2q.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hash-chained audit trail through the real API: what a row holds, verification after tampering, the report. */
@HubTest
class AuditTrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void everyRequestLeavesAChainedRowWithUserClientVerdictAndErrorCode() throws Exception {
        String answered = UUID.randomUUID().toString();
        assertThat(sql(answered, "SELECT full_name, npi FROM hcp ORDER BY hcp_id LIMIT 3").statusCode()).isEqualTo(200);
        String rejected = UUID.randomUUID().toString();
        assertThat(sql(rejected, "SELECT * FROM globex.hcp").statusCode()).isEqualTo(400);

        Map<String, Object> ok = await().atMost(Duration.ofSeconds(10)).until(() -> row(answered), r -> r != null);
        assertThat(ok).containsEntry("TENANT_ID", "acme").containsEntry("SUBJECT", demoKeySubject())
                .containsEntry("OUTCOME", "ANSWERED").containsEntry("CLIENT_IP", "127.0.0.1")
                .containsEntry("USER_AGENT", "audit-test/1.0").containsEntry("ROW_COUNT", 3)
                .containsEntry("PII_COLUMNS", "hcp.full_name,hcp.npi");
        assertThat((String) ok.get("GUARD_VERDICT")).startsWith("PASSED tables=[hcp]");
        assertThat((String) ok.get("ENTRY_HASH")).hasSize(64);

        Map<String, Object> no = row(rejected);
        assertThat(no).containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR_CODE", "SQL_REJECTED")
                .containsEntry("CLIENT_IP", "127.0.0.1");
        assertThat((String) no.get("GUARD_VERDICT")).startsWith("REJECTED");
        assertThat(no.get("PII_COLUMNS")).isNull();
        assertThat((Long) no.get("TENANT_SEQ")).isGreaterThan((Long) ok.get("TENANT_SEQ"));
    }

    @Test
    void verifyNamesTheFirstAlteredEntry() throws Exception {
        for (int i = 0; i < 3; i++) {
            sql(UUID.randomUUID().toString(), "SELECT COUNT(*) FROM product");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> appState.queryForObject(
                "SELECT COUNT(*) FROM query_audit WHERE tenant_id = 'acme' AND tenant_seq IS NOT NULL", Long.class) >= 3);
        Reply intact = http.get("/api/v1/audit/verify", "acme-demo-key");
        assertThat(intact.status()).as(intact.body()).isEqualTo(200);
        assertThat(intact.json().path("intact").asBoolean()).isTrue();
        assertThat(intact.json().path("entries").asLong()).isGreaterThanOrEqualTo(3);

        long seq = 2;
        String original = appState.queryForObject(
                "SELECT outcome FROM query_audit WHERE tenant_id = 'acme' AND tenant_seq = ?", String.class, seq);
        appState.update("UPDATE query_audit SET outcome = 'ANSWERED ' WHERE tenant_id = 'acme' AND tenant_seq = ?", seq);
        try {
            JsonNode altered = http.get("/api/v1/audit/verify", "acme-demo-key").json();
            assertThat(altered.path("intact").asBoolean()).isFalse();
            assertThat(altered.path("firstAlteredSeq").asLong()).isEqualTo(seq);
            assertThat(altered.path("reason").asText()).contains("content");
            // an operator may verify too; the other tenant's chain is unaffected
            assertThat(http.get("/api/v1/audit/verify", "globex-demo-key").json().path("intact").asBoolean()).isTrue();
        } finally {
            appState.update("UPDATE query_audit SET outcome = ? WHERE tenant_id = 'acme' AND tenant_seq = ?", original, seq);
        }
        assertThat(http.get("/api/v1/audit/verify", "acme-demo-key").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void complianceReportCountsQuestionsUsersPiiRefusalsAndSecurityEventsPerTenant() throws Exception {
        http.ask("acme-viewer-key", "how many prescribers are there");
        sql(UUID.randomUUID().toString(), "SELECT first_name, last_name FROM hcp LIMIT 2");
        http.sql("acme-demo-key", "DELETE FROM hcp");
        http.sql("acme-viewer-key", "SELECT 1"); // 403: a security event
        await().atMost(Duration.ofSeconds(10)).until(() -> appState.queryForObject(
                "SELECT COUNT(*) FROM query_audit WHERE tenant_id = 'acme' AND pii_columns LIKE '%first_name%'",
                Long.class) > 0);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Reply r = http.get("/api/v1/audit/report?from=" + today + "&to=" + today, "acme-demo-key");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.path("tenant").asText()).isEqualTo("acme");
        assertThat(report.path("questionsAsked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("uniqueUsers").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("piiAccesses").path("byColumn").path("hcp.first_name").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("piiAccesses").path("byUser").path(demoKeySubject()).asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("refusals").path("byType").path("SQL_REJECTED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("securityEvents").path("byType").path("FORBIDDEN").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("chain").path("intact").asBoolean()).isTrue();

        JsonNode globex = http.get("/api/v1/audit/report?from=" + today + "&to=" + today, "globex-demo-key").json();
        assertThat(globex.path("tenant").asText()).isEqualTo("globex");
        globex.path("piiAccesses").path("byUser").fieldNames()
                .forEachRemaining(user -> assertThat(user).isNotEqualTo(demoKeySubject()));
        assertThat(http.get("/api/v1/audit/report?from=2025-02-01&to=2025-01-01", "acme-demo-key").errorCode())
                .isEqualTo("BAD_REQUEST");
        assertThat(http.get("/api/v1/audit/report", "acme-demo-key").errorCode()).isEqualTo("BAD_REQUEST");
    }

    private HttpResponse<String> sql(String correlationId, String sql) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sql"))
                .header("X-API-Key", "acme-demo-key").header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId).header("User-Agent", "audit-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("sql", sql).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String demoKeySubject() {
        return "key:" + appState.queryForObject("SELECT key_id FROM api_key WHERE key_hash = ?", String.class,
                io.nl2q.hub.security.ApiKeys.hash("acme-demo-key"));
    }

    private Map<String, Object> row(String correlationId) {
        var rows = appState.queryForList("SELECT * FROM query_audit WHERE correlation_id = ?", correlationId);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
