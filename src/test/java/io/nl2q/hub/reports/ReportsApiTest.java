package io.nl2q.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Saved questions and schedules over HTTP: what is stored, who sees it, and a 400 naming each bad field. */
@HubTest
class ReportsApiTest {
    @LocalServerPort
    int port;
    HubHttp http;
    Reports reports;

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        reports = new Reports(http);
    }

    @Test
    void aSavedQuestionKeepsTheGuardedSqlItCompiledTo() {
        String name = "writers_" + System.nanoTime();
        HubHttp.Reply r = http.post("/api/v1/saved-questions", Reports.KEY, """
                {"name": "%s", "question": "Show me top 10 prescribers by TRx for Tirosint in Q4 2024"}"""
                .formatted(name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode saved = r.json();
        assertThat(saved.path("question").asText()).contains("Tirosint");
        assertThat(saved.path("compiledSql").asText()).containsIgnoringCase("select").containsIgnoringCase("limit");
        assertThat(saved.path("createdBy").asText()).startsWith("key:");

        long id = saved.path("id").asLong();
        assertThat(http.get("/api/v1/saved-questions/" + id, Reports.KEY).json().path("name").asText())
                .isEqualTo(name);
        assertThat(http.get("/api/v1/saved-questions", Reports.KEY).body()).contains(name);
        // another tenant neither sees nor deletes it
        assertThat(http.get("/api/v1/saved-questions/" + id, "globex-demo-key").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/saved-questions", "globex-demo-key").body()).doesNotContain(name);
        assertThat(http.request("DELETE", "/api/v1/saved-questions/" + id, "globex-demo-key", null).status())
                .isEqualTo(404);
        assertThat(http.request("DELETE", "/api/v1/saved-questions/" + id, Reports.KEY, null).status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/saved-questions/" + id, Reports.KEY).status()).isEqualTo(404);
    }

    @Test
    void theAnswerJustGivenIsSavedByItsQueryId() {
        HubHttp.Reply answer = http.ask(Reports.KEY, "Show me top 10 prescribers by TRx for Tirosint in Q4 2024");
        assertThat(answer.status()).isEqualTo(200);
        String queryId = answer.json().path("queryId").asText();
        // the audit row is written off the request thread
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> http.post(
                "/api/v1/saved-questions", Reports.KEY, """
                        {"name": "given_%s", "queryId": "%s"}""".formatted(queryId.replace("-", "_"), queryId))
                .status() == 201);
        JsonNode saved = http.get("/api/v1/saved-questions", Reports.KEY).json();
        JsonNode mine = null;
        for (JsonNode q : saved) {
            if (q.path("name").asText().equals("given_" + queryId.replace("-", "_"))) {
                mine = q;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("question").asText()).isEqualTo(answer.json().path("question").asText());
        assertThat(mine.path("compiledSql").asText()).isEqualTo(answer.json().path("sql").asText());
    }

    @Test
    void badSavedQuestionsAreRefusedNamingTheField() {
        assertBad(http.post("/api/v1/saved-questions", Reports.KEY, "{\"name\": \"1bad\", \"sql\": \"SELECT 1\"}"),
                "name");
        assertBad(http.post("/api/v1/saved-questions", Reports.KEY, "{\"name\": \"ok_name\"}"), "question");
        assertBad(http.post("/api/v1/saved-questions", Reports.KEY, "{\"name\": \"ok_name\", \"sql\": 5}"), "sql");
        HubHttp.Reply rejected = http.post("/api/v1/saved-questions", Reports.KEY,
                "{\"name\": \"drop_it\", \"sql\": \"DROP TABLE hcp\"}");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorCode()).isEqualTo("SQL_REJECTED");
        assertThat(http.post("/api/v1/saved-questions", "acme-viewer-key", "{\"name\": \"v\", \"sql\": \"SELECT 1\"}")
                .status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "savedQuestion | \"savedQuestion\": 999999999",
            "cron | \"cron\": \"every monday\"",
            "timeZone | \"timeZone\": \"Mars/Olympus\"",
            "format | \"format\": \"pdf\"",
            "destination.type | \"destination\": {\"type\": \"fax\"}",
            "destination.to | \"destination\": {\"type\": \"email\", \"to\": [\"not-an-address\"]}",
            "destination.url | \"destination\": {\"type\": \"webhook\", \"url\": \"file:///etc/passwd\"}",
            "destination.topic | \"destination\": {\"type\": \"kafka\", \"topic\": \"a topic; rm\"}",
            "destination.directory | \"destination\": {\"type\": \"sftp\", \"directory\": \"../other\"}",
            "destination.binding | \"destination\": {\"type\": \"powerbi\", \"binding\": \"globex-products\"}",
            "trigger | \"trigger\": \"hourly\"",
            "onlyWhenChanged | \"onlyWhenChanged\": \"yes\""})
    void eachBadScheduleFieldIsA400NamingIt(String field, String override) {
        long saved = reports.saveSql("bad_input", "SELECT product_id FROM product");
        String good = """
                "savedQuestion": %d, "cron": "0 0 7 ? * MON", "timeZone": "America/New_York", "format": "csv",
                "destination": {"type": "email", "to": ["a@example.com"]}""".formatted(saved);
        String key = override.substring(0, override.indexOf(':'));
        String body = "{" + override + ", " + good.replaceAll(key.replace("\"", "\\\"") + ": [^,]*,?", "")
                .replaceFirst(",\\s*$", "") + "}";
        if (key.equals("\"destination\"")) {
            body = "{" + override + ", " + good.replaceFirst(",\\s*\"destination\".*$", "") + "}";
        }
        assertBad(http.post("/api/v1/schedules", Reports.KEY, body), field);
    }

    @Test
    void aScheduleIsPausedResumedRetimedAndDeleted() {
        long saved = reports.saveSql("lifecycle", "SELECT product_id FROM product");
        long id = reports.schedule(saved, "csv", "{\"type\": \"email\", \"to\": [\"a@example.com\"]}", false);
        assertThat(http.request("PATCH", "/api/v1/schedules/" + id, Reports.KEY, "{\"paused\": true}").json()
                .path("paused").asBoolean()).isTrue();
        HubHttp.Reply retimed = http.request("PATCH", "/api/v1/schedules/" + id, Reports.KEY,
                "{\"paused\": false, \"cron\": \"0 30 6 ? * MON-FRI 2099\"}");
        assertThat(retimed.json().path("cron").asText()).isEqualTo("0 30 6 ? * MON-FRI 2099");
        assertThat(retimed.json().path("paused").asBoolean()).isFalse();
        assertBad(http.request("PATCH", "/api/v1/schedules/" + id, Reports.KEY, "{\"cron\": \"nope\"}"), "cron");
        assertThat(http.get("/api/v1/schedules/" + id, "globex-demo-key").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/schedules/" + id + "/run", "globex-demo-key", "").status()).isEqualTo(404);
        // a saved question a schedule delivers cannot be deleted from under it
        assertThat(http.request("DELETE", "/api/v1/saved-questions/" + saved, Reports.KEY, null).status())
                .isEqualTo(400);
        assertThat(http.request("DELETE", "/api/v1/schedules/" + id, Reports.KEY, null).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/schedules/" + id, Reports.KEY).status()).isEqualTo(404);
    }

    private static void assertBad(HubHttp.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(r.json().path("error").path("message").asText()).contains("\"" + field + "\"");
    }
}
