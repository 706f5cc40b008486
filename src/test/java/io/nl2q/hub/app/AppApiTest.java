package io.nl2q.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the web app relies on over plain HTTP: its files and their CSP, who-am-I, and PII removed for viewers. */
@HubTest
class AppApiTest {
    private static final String TOP_PRESCRIBERS = "top 10 prescribers by TRx for Tirosint in Q4 2024";
    private final HttpClient client = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAppIsServedWithoutACredentialUnderAStrictScriptPolicy() throws Exception {
        HttpResponse<String> page = get("/app/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .doesNotContain("http://", "https://");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
        assertThat(scripts).isEqualTo("script-src 'self'");
        assertThat(csp).contains("connect-src 'self' http://127.0.0.1:").contains("frame-ancestors 'none'");
        assertThat(get("/app/js/main.js").statusCode()).isEqualTo(200);
        HttpResponse<String> echarts = get("/app/lib/echarts/echarts.esm.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("export");
        assertThat(get("/app").statusCode()).isEqualTo(302);
        HubHttp.Reply options = new HubHttp(port).get("/app/config.json", null);
        assertThat(options.json().path("oidc").path("clientId").asText()).isEqualTo("nl2q-web");
        // the API behind it still needs a caller
        assertThat(new HubHttp(port).get("/api/v1/me", null).status()).isEqualTo(401);
    }

    @Test
    void whoAmITellsTenantSubjectAndRolesWithTheIncludedOnes() {
        JsonNode viewer = new HubHttp(port).get("/api/v1/me", "acme-viewer-key").json();
        assertThat(viewer.path("tenant").asText()).isEqualTo("acme");
        assertThat(viewer.path("subject").asText()).startsWith("key:");
        assertThat(names(viewer.path("roles"))).containsExactly("viewer");
        JsonNode admin = new HubHttp(port).get("/api/v1/me", "globex-demo-key").json();
        assertThat(admin.path("tenant").asText()).isEqualTo("globex");
        assertThat(names(admin.path("roles"))).contains("admin", "analyst", "viewer", "operator", "integration");
    }

    @Test
    void aViewersAnswerHasNoPiiColumnsEvenWhenAnAnalystsAnswerIsCached() {
        HubHttp http = new HubHttp(port);
        JsonNode analyst = http.ask("acme-demo-key", TOP_PRESCRIBERS).json();
        assertThat(names(analyst.path("columns"), "name")).contains("full_name");
        JsonNode viewer = http.ask("acme-viewer-key", TOP_PRESCRIBERS).json();
        assertThat(names(viewer.path("columns"), "name")).contains("hcp_id", "trx").doesNotContain("full_name");
        assertThat(viewer.path("rows").get(0).size()).isEqualTo(viewer.path("columns").size());
        assertThat(viewer.path("rows").toString()).doesNotContain(analyst.path("rows").get(0).get(1).asText());
        assertThat(viewer.path("explanation").asText()).contains("hidden for your role: full_name");
    }

    @Test
    void theXlsxRenderTurnsAnAnswersTableIntoAWorkbookAndRefusesBadTablesByName() throws Exception {
        HubHttp http = new HubHttp(port);
        JsonNode answer = http.ask("acme-viewer-key", TOP_PRESCRIBERS).json();
        String table = "{\"name\": \"top\", \"columns\": " + answer.path("columns") + ", \"rows\": "
                + answer.path("rows") + "}";
        HttpResponse<byte[]> xlsx = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/render/xlsx")).header("X-API-Key", "acme-viewer-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(table)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("top");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(answer.path("rows").size());
        }
        HubHttp.Reply ragged = http.post("/api/v1/render/xlsx", "acme-viewer-key",
                "{\"columns\": [{\"name\": \"a\"}], \"rows\": [[1, 2]]}");
        assertThat(ragged.status()).isEqualTo(400);
        assertThat(ragged.json().path("error").path("message").asText()).contains("\"rows\"");
        HubHttp.Reply noColumns = http.post("/api/v1/render/xlsx", "acme-viewer-key", "{\"rows\": []}");
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(noColumns.json().path("error").path("message").asText()).contains("\"columns\"");
        assertThat(http.post("/api/v1/render/xlsx", null, table).status()).isEqualTo(401);
    }

    @Test
    void suggestionsCompleteTheTypedWordFromTheModelAndOfferVerifiedQuestions() {
        HubHttp http = new HubHttp(port);
        JsonNode values = http.get("/api/v1/suggestions?q=TRx%20by%20region%20for%20Tiro", "acme-viewer-key").json();
        assertThat(values.findValuesAsText("text")).contains("TRx by region for Tirosint");
        assertThat(values.get(0).path("kind").asText()).isEqualTo("value");
        JsonNode dimensions = http.get("/api/v1/suggestions?q=TRx%20by%20regi", "acme-viewer-key").json();
        assertThat(dimensions.toString()).contains("{\"text\":\"TRx by region\",\"kind\":\"dimension\"}");
        JsonNode verified = http.get("/api/v1/suggestions?q=market%20share", "acme-viewer-key").json();
        assertThat(verified.toString())
                .contains("{\"text\":\"Tirosint market share by region last quarter\",\"kind\":\"verified\"}");
        assertThat(http.get("/api/v1/suggestions?q=x", null).status()).isEqualTo(401);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
