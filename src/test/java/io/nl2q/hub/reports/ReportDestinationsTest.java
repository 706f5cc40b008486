package io.nl2q.hub.reports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.TestEventBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliveries to real receivers: the embedded SFTP server (Apache MINA), the embedded Kafka broker, webhook receivers
 * (WireMock) that fail; and schedules run by a data-change event on the hub's event topic.
 */
@HubTest
class ReportDestinationsTest {
    static final String SQL = "SELECT product_id, product_name FROM product ORDER BY product_id";
    @LocalServerPort
    int port;
    @Autowired
    TestEventBroker broker;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcTemplate jdbc;
    HubHttp http;
    Reports reports;
    WireMockServer receiver;

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        reports = new Reports(http);
        receiver = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop();
    }

    @Test
    void aCsvFileLandsWholeInTheTenantsFolderOnThePartnerSftpServer() throws Exception {
        String folder = "reports" + System.nanoTime();
        long schedule = reports.schedule(reports.saveSql("territory_file", SQL), "csv",
                "{\"type\": \"sftp\", \"directory\": \"" + folder + "\"}", false);
        JsonNode run = reports.ended(schedule, reports.runNow(schedule));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("delivered");
        Path dir = Path.of("target/test-data/boast/acme").resolve(folder);
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1); // no .part- file left behind
        assertThat(files.get(0).getFileName().toString()).startsWith("territory_file_").endsWith(".csv");
        String csv = new String(Files.readAllBytes(files.get(0)), StandardCharsets.UTF_8).substring(1);
        JsonNode answer = http.sql(Reports.KEY, SQL).json();
        assertThat(csv.split("\r\n")).hasSize(answer.path("rows").size() + 1);
        assertThat(csv).startsWith("product_id,product_name\r\n" + answer.path("rows").get(0).get(0).asText() + ",");
        assertThat(Files.size(files.get(0))).isEqualTo(run.path("bytes").asLong());
    }

    @Test
    void theRowsGoToAKafkaTopicAsACloudEvent() throws Exception {
        long schedule = reports.schedule(reports.saveSql("kafka_rows", SQL), "csv",
                "{\"type\": \"kafka\", \"topic\": \"" + TestEventBroker.TOPIC + "\"}", false);
        long runId = reports.runNow(schedule);
        assertThat(reports.ended(schedule, runId).path("status").asText()).isEqualTo("delivered");
        var record = broker.event(v -> v.contains("\"type\":\"io.nl2q.report.delivered\"")
                && v.contains("\"runId\":" + runId + ","));
        assertThat(record.key()).isEqualTo("acme");
        JsonNode event = Reports.JSON.readTree(record.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("data").path("rows")).isEqualTo(http.sql(Reports.KEY, SQL).json().path("rows"));
    }

    @Test
    void aWebhookThatFailsTwiceIsRetriedUntilItAccepts() {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));
        long schedule = reports.schedule(reports.saveSql("hook_summary", SQL), "csv",
                "{\"type\": \"webhook\", \"url\": \"" + receiver.baseUrl() + "/hook\"}", false);
        long runId = reports.runNow(schedule);
        assertThat(reports.ended(schedule, runId).path("status").asText()).isEqualTo("delivered");
        receiver.verify(3, postRequestedFor(urlEqualTo("/hook"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.runId", equalTo(String.valueOf(runId))))
                .withRequestBody(matchingJsonPath("$.text"))
                .withoutHeader("hubTenant"));
    }

    @Test
    void aWebhookThatAlwaysFailsIsParkedAndDeliveredByTheReplay() {
        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        long schedule = reports.schedule(reports.saveSql("hook_down", SQL), "csv",
                "{\"type\": \"webhook\", \"url\": \"" + receiver.baseUrl() + "/down\"}", false);
        long runId = reports.runNow(schedule);
        JsonNode parked = reports.ended(schedule, runId);
        assertThat(parked.path("status").asText()).isEqualTo("parked");
        assertThat(parked.path("error").asText()).contains("500");
        receiver.verify(4, postRequestedFor(urlEqualTo("/down"))); // the first try and 3 redeliveries

        long letter = -1;
        for (JsonNode l : http.get("/api/v1/ops/dead-letters?route=reports-deliver-webhook", Reports.KEY).json()) {
            if (l.path("headers").path("hubReportRun").asText().equals(String.valueOf(runId))) {
                letter = l.path("id").asLong();
            }
        }
        assertThat(letter).isPositive();
        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(200)));
        HubHttp.Reply replay = http.post("/api/v1/ops/dead-letters/" + letter + "/replay", Reports.KEY, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT status FROM report_run WHERE run_id = ?", String.class, runId).equals("delivered"));
        receiver.verify(5, postRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void aBurstOfDataChangesRunsAnOnDataChangeScheduleOnce() throws Exception {
        receiver.stubFor(post(urlEqualTo("/changed")).willReturn(aResponse().withStatus(200)));
        long saved = reports.saveSql("after_load", SQL);
        HubHttp.Reply created = http.post("/api/v1/schedules", Reports.KEY, """
                {"savedQuestion": %d, "trigger": "on-data-change", "timeZone": "UTC", "format": "csv",
                 "destination": {"type": "webhook", "url": "%s/changed"}}""".formatted(saved, receiver.baseUrl()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long schedule = created.json().path("id").asLong();
        String events = camel.getCamelContext().resolvePropertyPlaceholders("{{hub.events.publish-uri}}");
        // a table it does not read: no run
        camel.sendBody(events, """
                {"specversion": "1.0", "id": "r0", "source": "/test", "type": "io.nl2q.data.changed",
                 "data": {"tenant": "acme", "tables": ["call_activity"]}}""");
        for (int i = 1; i <= 3; i++) {
            camel.sendBody(events, """
                    {"specversion": "1.0", "id": "r%d", "source": "/test", "type": "io.nl2q.data.changed",
                     "data": {"tenant": "acme", "tables": ["product"]}}""".formatted(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runs(schedule).size() == 1
                && runs(schedule).get(0).path("status").asText().equals("delivered"));
        JsonNode run = runs(schedule).get(0);
        assertThat(run.path("firedBy").asText()).isEqualTo("data-change");
        // nothing more comes of the burst
        Thread.sleep(3000);
        assertThat(runs(schedule)).hasSize(1);
        receiver.verify(1, postRequestedFor(urlEqualTo("/changed")));
    }

    @Test
    void aCronScheduleFiresByItselfOncePerFiringAndNotWhilePaused() throws Exception {
        receiver.stubFor(post(urlEqualTo("/cron")).willReturn(aResponse().withStatus(200)));
        HubHttp.Reply created = http.post("/api/v1/schedules", Reports.KEY, """
                {"savedQuestion": %d, "cron": "0/2 * * * * ?", "timeZone": "Europe/Berlin", "format": "csv",
                 "destination": {"type": "webhook", "url": "%s/cron"}}""".formatted(reports.saveSql("every_2s", SQL),
                receiver.baseUrl()));
        long schedule = created.json().path("id").asLong();
        await().atMost(Duration.ofSeconds(40)).until(() -> runs(schedule).stream()
                .filter(r -> r.path("status").asText().equals("delivered")).count() >= 2);
        http.request("PATCH", "/api/v1/schedules/" + schedule, Reports.KEY, "{\"paused\": true}");
        Thread.sleep(2500); // a firing under way when it was paused ends
        int runsWhenPaused = runs(schedule).size();
        List<JsonNode> all = runs(schedule);
        assertThat(all).allMatch(r -> r.path("firedBy").asText().equals("cron"));
        assertThat(all.stream().map(r -> r.path("startedAt").asText().substring(0, 19)).distinct().count())
                .isEqualTo(all.size()); // one run per firing
        Thread.sleep(5000);
        assertThat(runs(schedule)).hasSize(runsWhenPaused);
    }

    private List<JsonNode> runs(long schedule) {
        List<JsonNode> all = new java.util.ArrayList<>();
        http.get("/api/v1/schedules/" + schedule + "/runs", Reports.KEY).json().forEach(all::add);
        return all;
    }
}
