package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.reports.SavedQuestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled Power BI refreshes (issue 14): a schedule of the Power BI destination, triggered by a BOAST load event
 * for a table its saved question reads, pushes the binding's rows into the Power BI stub and then asks for the
 * dataset's refresh.
 */
@HubTest
class ReportPowerBiTest {
    static final String KEY = "acme-demo-key";
    @Autowired
    SavedQuestions saved;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    PowerBiStub stub;
    HubHttp http;

    @BeforeEach
    void setUp() {
        stub = SharedPowerBiStub.get();
        stub.reset(false);
        stub.addDataset(SharedPowerBiStub.SALES, "sales", "sales");
        saved.save("acme", "api_writers", null, "SELECT hcp_id, specialty, decile FROM hcp");
        jdbc.update("DELETE FROM powerbi_refresh WHERE dataset_id = ?", SharedPowerBiStub.SALES);
        http = new HubHttp(port);
    }

    @Test
    void aBoastLoadOfATableTheQuestionReadsPushesTheBindingThenRefreshesTheDataset() {
        HubHttp.Reply question = http.post("/api/v1/saved-questions", KEY, """
                {"name": "writers_%d", "sql": "SELECT hcp_id, specialty, decile FROM hcp"}""".formatted(System.nanoTime()));
        assertThat(question.status()).as(question.body()).isEqualTo(201);
        HubHttp.Reply schedule = http.post("/api/v1/schedules", KEY, """
                {"savedQuestion": %d, "trigger": "on-data-change", "timeZone": "UTC", "format": "csv",
                 "destination": {"type": "powerbi", "binding": "acme-writers", "dataset": "acme-sales"}}"""
                .formatted(question.json().path("id").asLong()));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
        long id = schedule.json().path("id").asLong();
        String events = camel.getCamelContext().resolvePropertyPlaceholders("{{hub.events.publish-uri}}");
        camel.sendBody(events, """
                {"specversion": "1.0", "id": "load-1", "source": "/boast", "type": "io.nl2q.hub.boast.file.loaded",
                 "data": {"tenant": "acme", "table": "hcp", "rows": 12}}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> runs(id).stream()
                .anyMatch(r -> r.path("status").asText().equals("delivered")));
        assertThat(runs(id)).hasSize(1);
        assertThat(runs(id).get(0).path("firedBy").asText()).isEqualTo("data-change");
        int hcps = http.sql(KEY, "SELECT COUNT(*) AS n FROM hcp").json().path("rows").get(0).get(0).asInt();
        String dataset = jdbc.queryForObject("SELECT dataset_id FROM powerbi_push_run WHERE binding_name = ?"
                + " ORDER BY push_run_id DESC LIMIT 1", String.class, "acme-writers");
        assertThat(stub.table(dataset, "api_writers")).hasSize(hcps);
        // the refresh the schedule asked for (the hub's own after-load refresh of the dataset may post one too)
        assertThat(stub.refreshPosts()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM powerbi_refresh WHERE dataset_id = ?", Integer.class,
                SharedPowerBiStub.SALES)).isPositive();
    }

    @Test
    void aPushThatIsParkedLeavesTheRunParkedNotDeliveredAndRefreshesNothing() {
        HubHttp.Reply question = http.post("/api/v1/saved-questions", KEY, """
                {"name": "writers_%d", "sql": "SELECT hcp_id, specialty, decile FROM hcp"}""".formatted(System.nanoTime()));
        assertThat(question.status()).as(question.body()).isEqualTo(201);
        HubHttp.Reply schedule = http.post("/api/v1/schedules", KEY, """
                {"savedQuestion": %d, "cron": "0 0 7 ? * MON 2099", "timeZone": "UTC", "format": "csv",
                 "destination": {"type": "powerbi", "binding": "acme-writers", "dataset": "acme-sales"}}"""
                .formatted(question.json().path("id").asLong()));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
        long id = schedule.json().path("id").asLong();
        for (int i = 0; i < 200; i++) {
            stub.failAny.add(500); // every call to Power BI fails, through all the retries
        }
        int refreshesBefore = stub.refreshPosts();
        HubHttp.Reply run = http.post("/api/v1/schedules/" + id + "/run", KEY, "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        long runId = run.json().path("runId").asLong();
        await().atMost(Duration.ofSeconds(90)).until(() -> runs(id).stream()
                .anyMatch(r -> r.path("runId").asLong() == runId && !r.path("status").asText().equals("running")));
        stub.failAny.clear();
        JsonNode ended = runs(id).get(0);
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("parked");
        assertThat(ended.path("error").asText()).isNotBlank();
        assertThat(stub.refreshPosts()).as("no refresh of a dataset whose rows did not arrive")
                .isEqualTo(refreshesBefore);
    }

    private List<JsonNode> runs(long schedule) {
        List<JsonNode> all = new ArrayList<>();
        http.get("/api/v1/schedules/" + schedule + "/runs", KEY).json().forEach(all::add);
        return all;
    }
}
