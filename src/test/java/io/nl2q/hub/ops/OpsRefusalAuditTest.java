package io.nl2q.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A refused call on the ops and BOAST routes answers with a correlation id and leaves an audit row of the caller's
 * tenant under that id (before issue 11 they had none, and the audit failed on it).
 */
@HubTest
class OpsRefusalAuditTest {
    private final HttpClient client = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate appState;

    @Test
    void aRefusedReplayIsAuditedUnderItsCorrelationId() throws Exception {
        assertRefusedAndAudited("/api/v1/ops/dead-letters/abc/replay", "acme-demo-key", 400, "BAD_REQUEST", "acme");
        assertRefusedAndAudited("/api/v1/ops/dead-letters/987654321/replay", "globex-demo-key", 404, "NOT_FOUND",
                "globex");
    }

    @Test
    void aPlatformOperatorsRefusedReplayIsInThePlatformsChain() throws Exception {
        assertRefusedAndAudited("/api/v1/ops/dead-letters/abc/replay", "platform-demo-key", 400, "BAD_REQUEST",
                "_platform");
    }

    @Test
    void aRefusedBoastExportIsAuditedUnderItsCorrelationId() throws Exception {
        // a viewer holds no operator role: refused inside the route, audited in their tenant
        assertRefusedAndAudited("/api/v1/boast/exports/acme_tiers/run", "acme-viewer-key", 403, "FORBIDDEN", "acme");
        // another tenant's export does not exist for globex
        assertRefusedAndAudited("/api/v1/boast/exports/acme_tiers/run", "globex-demo-key", 404, "NOT_FOUND",
                "globex");
    }

    @Test
    void aRefusalWithoutTheClientsIdGetsOneOfItsOwn() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/api/v1/ops/dead-letters/x1/replay"))
                .header("X-API-Key", "acme-demo-key").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        String id = r.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(r.body()).contains("\"correlationId\":\"" + id + "\"");
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM query_audit WHERE correlation_id = ?"
                + " AND outcome = 'REFUSED'", Integer.class, id)).isEqualTo(1);
    }

    private void assertRefusedAndAudited(String path, String key, int status, String code, String tenant)
            throws Exception {
        String correlationId = "refusal-" + UUID.randomUUID();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key)
                .header("X-Correlation-Id", correlationId).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"code\":\"" + code + "\"").contains(correlationId);
        assertThat(r.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        List<Map<String, Object>> rows = appState.queryForList("SELECT tenant_id, outcome, error_code, kind, detail"
                + " FROM query_audit WHERE correlation_id = ?", correlationId);
        assertThat(rows).as(path).hasSize(1);
        assertThat(rows.get(0)).containsEntry("TENANT_ID", tenant).containsEntry("OUTCOME", "REFUSED");
        // a tenant's row names the code in its own column, the platform's in its detail
        assertThat(rows.get(0).get("ERROR_CODE") + " " + rows.get(0).get("DETAIL")).contains(code);
        assertThat((String) rows.get(0).get("KIND")).isNotBlank();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
