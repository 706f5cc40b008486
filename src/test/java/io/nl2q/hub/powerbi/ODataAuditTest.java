package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.security.ApiKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every feed request that reads warehouse data leaves one audit row (who, tenant, request, SQL, the PII columns it
 * handed out, rows, outcome, correlation id), which the compliance report counts; and the feed's links never come
 * from the request's Host header.
 */
@HubTest
class ODataAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "acme-demo-key";
    private static final String VIEWER = "acme-viewer-key";
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate appState;
    @Autowired
    SavedQuestions saved;
    HubHttp http;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        FeedFixture.saveTirosintWriters(saved);
    }

    @Test
    void eachReadIsOneAuditRowWithWhatItHandedOut() throws Exception {
        String page = get("/odata/v1/hcp?$select=hcp_id,npi,specialty&$top=3", ADMIN);
        assertThat(row(page)).containsEntry("TENANT_ID", "acme").containsEntry("SUBJECT", subject(ADMIN))
                .containsEntry("KIND", "odata").containsEntry("OUTCOME", "ANSWERED").containsEntry("ROW_COUNT", 3)
                .containsEntry("PII_COLUMNS", "hcp.npi").containsEntry("CLIENT_IP", "127.0.0.1");
        assertThat((String) row(page).get("QUESTION")).isEqualTo("GET /odata/v1/hcp?$select=hcp_id,npi,specialty&$top=3");
        assertThat((String) row(page).get("SQL_TEXT")).startsWith("SELECT").contains("\"npi\"").contains("LIMIT 4");

        String viewer = get("/odata/v1/hcp?$top=2", VIEWER);
        assertThat(row(viewer)).containsEntry("OUTCOME", "ANSWERED").containsEntry("ROW_COUNT", 2)
                .containsEntry("SUBJECT", subject(VIEWER));
        assertThat(row(viewer).get("PII_COLUMNS")).as("viewers are not handed PII columns").isNull();

        String all = get("/odata/v1/hcp('H000001')", ADMIN);
        assertThat(row(all)).containsEntry("OUTCOME", "ANSWERED").containsEntry("ROW_COUNT", 1)
                .containsEntry("PII_COLUMNS", "hcp.first_name,hcp.full_name,hcp.last_name,hcp.npi");
        String savedPii = get("/odata/v1/saved_tirosint_writers?$top=1", ADMIN);
        assertThat((String) row(savedPii).get("PII_COLUMNS")).isEqualTo("hcp.full_name");

        String count = get("/odata/v1/hcp/$count", ADMIN);
        assertThat(row(count)).containsEntry("OUTCOME", "ANSWERED").containsEntry("ROW_COUNT", 0);
        assertThat((String) row(count).get("SQL_TEXT")).contains("COUNT(*)");
        assertThat((String) row(count).get("DETAIL")).startsWith("$count ");

        String absent = get("/odata/v1/hcp('NOPE')", ADMIN);
        assertThat(row(absent)).containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR_CODE", "NOT_FOUND");
        String unsupported = get("/odata/v1/hcp?$search=x", ADMIN);
        assertThat(row(unsupported)).containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR_CODE", "NOT_IMPLEMENTED");
        assertThat(row(unsupported).get("SQL_TEXT")).isNull();
        String malformed = get("/odata/v1/hcp?$filter=decile%20eq", ADMIN);
        assertThat(row(malformed)).containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR_CODE", "BAD_REQUEST");

        // the service document and $metadata read no warehouse data
        String metadata = get("/odata/v1/$metadata", ADMIN);
        assertThat(rows(metadata)).isZero();
    }

    @Test
    void pagedReadsAreOneRowPerPage() throws Exception {
        String first = UUID.randomUUID().toString();
        JsonNode body = JSON.readTree(send("/odata/v1/territory", ADMIN, first).body());
        String next = body.path("@odata.nextLink").asText();
        assertThat(next).contains("$skiptoken=");
        String second = UUID.randomUUID().toString();
        assertThat(send(next.substring(next.indexOf("/odata/")), ADMIN, second).statusCode()).isEqualTo(200);
        assertThat(rows(first)).isEqualTo(1);
        assertThat(rows(second)).isEqualTo(1);
        assertThat(row(second)).containsEntry("OUTCOME", "ANSWERED").containsEntry("ROW_COUNT", 7);
        assertThat((String) row(second).get("QUESTION")).contains("$skiptoken=");
        // the page token's key is bound, not pasted: the audited SQL shows its placeholder
        assertThat((String) row(second).get("SQL_TEXT")).contains("\"territory_id\" > ?").doesNotContain("'T07'");
    }

    @Test
    void theComplianceReportCountsFeedReadsAndTheirPii() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String report = "/api/v1/audit/report?from=" + today + "&to=" + today;
        JsonNode before = http.get(report, ADMIN).json();
        List<String> reads = List.of("/odata/v1/hcp?$select=hcp_id,npi&$top=2", "/odata/v1/hcp/$count",
                "/odata/v1/hcp('H000002')?$select=specialty", "/odata/v1/hcp?$expand=x", "/odata/v1/territory");
        for (String url : reads) {
            get(url, ADMIN);
        }
        get("/odata/v1/hcp?$top=1", VIEWER);
        get("/odata/v1/$metadata", ADMIN);
        JsonNode after = http.get(report, ADMIN).json();
        assertThat(after.path("dataReads").path("byType").path("odata").asLong()
                - before.path("dataReads").path("byType").path("odata").asLong()).isEqualTo(reads.size() + 1);
        assertThat(after.path("piiAccesses").path("byColumn").path("hcp.npi").asLong()
                - before.path("piiAccesses").path("byColumn").path("hcp.npi").asLong()).isEqualTo(1);
        assertThat(after.path("piiAccesses").path("byColumn").path("hcp.full_name").asLong())
                .isEqualTo(before.path("piiAccesses").path("byColumn").path("hcp.full_name").asLong());
        assertThat(after.path("refusals").path("byType").path("NOT_IMPLEMENTED").asLong()
                - before.path("refusals").path("byType").path("NOT_IMPLEMENTED").asLong()).isEqualTo(1);
        assertThat(after.path("chain").path("intact").asBoolean()).isTrue();
    }

    @Test
    void nextLinksIgnoreASpoofedHostHeader() throws IOException {
        for (String header : List.of("Host: evil.example", "Host: 127.0.0.1:" + port + "\r\nX-Forwarded-Host: evil.example"
                + "\r\nX-Forwarded-Proto: https\r\nForwarded: host=evil.example;proto=https")) {
            String response = raw("GET /odata/v1/territory HTTP/1.1\r\n" + header + "\r\nX-API-Key: " + ADMIN
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                    .contains("\"@odata.nextLink\":\"http://127.0.0.1:" + port + "/odata/v1/territory?$skiptoken=")
                    .contains("\"@odata.context\":\"http://127.0.0.1:" + port + "/odata/v1/$metadata#territory\"");
            String doc = raw("GET /odata/v1/ HTTP/1.1\r\n" + header + "\r\nX-API-Key: " + ADMIN
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(doc).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** GETs with a fresh correlation id and answers it (the audit row's correlation id). */
    private String get(String path, String key) throws Exception {
        String id = UUID.randomUUID().toString();
        send(path, key, id);
        return id;
    }

    private HttpResponse<String> send(String path, String key, String correlationId) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", key).header("X-Correlation-Id", correlationId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> row(String correlationId) {
        return appState.queryForMap("SELECT * FROM query_audit WHERE correlation_id = ?", correlationId);
    }

    private long rows(String correlationId) {
        return appState.queryForObject("SELECT COUNT(*) FROM query_audit WHERE correlation_id = ?", Long.class,
                correlationId);
    }

    private String subject(String key) {
        return "key:" + appState.queryForObject("SELECT key_id FROM api_key WHERE key_hash = ?", String.class,
                ApiKeys.hash(key));
    }
}
