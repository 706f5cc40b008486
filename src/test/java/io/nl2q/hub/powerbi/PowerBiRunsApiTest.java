package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.ops.DeadLetter;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.reports.SavedQuestions;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Power BI deliveries through their routes and the operator API, against the shared Power BI stub: runs started
 * and listed per tenant, a push waiting out a long Retry-After while another binding's goes on (P4), a failed
 * refresh parked once without spending more refreshes (P5).
 */
@HubTest
class PowerBiRunsApiTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SavedQuestions saved;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DeadLetterStore deadLetters;
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
        saved.save("acme", "api_products", null, "SELECT product_id, product_name FROM product");
        jdbc.update("DELETE FROM powerbi_push_run WHERE binding_name LIKE 'acme-%'");
        jdbc.update("DELETE FROM powerbi_refresh WHERE dataset_id = ?", SharedPowerBiStub.SALES);
        http = new HubHttp(port);
    }

    private JsonNode awaitRun(String path, long id, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode run : http.get(path, "acme-demo-key").json()) {
                long runId = run.has("runId") ? run.path("runId").asLong() : run.path("id").asLong();
                if (runId == id && run.path("status").asText().equals(status)) {
                    found[0] = run;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void operatorsRunTheirTenantsPushesAndRefreshesAndSeeTheirFigures() {
        HubHttp.Reply started = http.post("/api/v1/powerbi/push/acme-writers/run", "acme-demo-key", "");
        assertThat(started.status()).isEqualTo(202);
        long runId = started.json().path("runId").asLong();
        assertThat(started.json().path("binding").asText()).isEqualTo("acme-writers");
        JsonNode done = awaitRun("/api/v1/powerbi/push/runs", runId, "DONE");
        long rows = done.path("rows").asLong();
        assertThat(rows).isPositive();
        assertThat(stub.table(done.path("datasetId").asText(), "api_writers")).hasSize((int) rows);
        assertThat(done.path("requestedBy").asText()).startsWith("key:");

        HubHttp.Reply refresh = http.post("/api/v1/powerbi/refresh/acme-sales/run", "acme-demo-key", "");
        assertThat(refresh.status()).isEqualTo(202);
        awaitRun("/api/v1/powerbi/refresh/runs", refresh.json().path("id").asLong(), "COMPLETED");

        // another tenant sees none of it and cannot run it; a viewer may not run anything
        assertThat(http.get("/api/v1/powerbi/push/runs", "globex-demo-key").json().findValuesAsText("binding"))
                .doesNotContain("acme-writers");
        assertThat(http.post("/api/v1/powerbi/push/acme-writers/run", "globex-demo-key", "").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/powerbi/refresh/acme-sales/run", "globex-demo-key", "").status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/powerbi/push/acme-writers/run", "acme-viewer-key", "").status()).isEqualTo(403);
    }

    @Test
    void aPushWaitingOutALongRetryAfterHoldsNoConsumerAndResumesOnTime() {
        // P4: one push slept through its Retry-After on the only consumer: another dataset's push sent nothing
        stub.throttleRows.add(3L);
        PushJob.Outcome waiting = producer.requestBody("direct:powerbi-push", "acme-writers", PushJob.Outcome.class);
        assertThat(waiting.status()).isEqualTo("WAITING");
        PushJob.Outcome other = producer.requestBody("direct:powerbi-push", "acme-products", PushJob.Outcome.class);
        assertThat(other.status()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT status FROM powerbi_push_run WHERE push_run_id = ?", String.class,
                waiting.runId())).as("the other push finished while this one waits").isEqualTo("WAITING");
        // route powerbi-push-resume sends it again once its time has come
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(jdbc.queryForObject(
                "SELECT status FROM powerbi_push_run WHERE push_run_id = ?", String.class, waiting.runId())));
        assertThat(stub.table(waiting.datasetId(), "api_writers")).isNotEmpty();
    }

    @Test
    void aFailedRefreshIsParkedOnceAndNotRedelivered() {
        // P5: the delivery configuration redelivered a failed refresh three times: 4 of the day's 8 spent on one
        stub.nextRefreshes.add(List.of("Unknown", "Failed"));
        // other datasets' refreshes (a load of payer refreshes acme-payers) park letters on the same route, and a
        // load announced by an earlier test may still refresh this dataset: wait until no refresh is posted for 3 s
        int[] seen = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            int now = stub.refreshPosts(SharedPowerBiStub.SALES);
            boolean quiet = now == seen[0];
            seen[0] = now;
            return quiet;
        });
        stub.forgetRequests();
        int parked = salesLetters().size();
        HubHttp.Reply refresh = http.post("/api/v1/powerbi/refresh/acme-sales/run", "acme-demo-key", "");
        assertThat(refresh.status()).isEqualTo(202);
        awaitRun("/api/v1/powerbi/refresh/runs", refresh.json().path("id").asLong(), "FAILED");
        await().atMost(Duration.ofSeconds(10)).until(() -> salesLetters().size() == parked + 1);
        DeadLetter letter = salesLetters().get(0);
        assertThat(letter.tenantId()).isEqualTo("acme");
        assertThat(letter.replayUri()).isEqualTo("direct:powerbi-refresh");
        assertThat(letter.payload()).isEqualTo("acme-sales");
        assertThat(letter.causeMessage()).contains("ended Failed");
        assertThat(stub.refreshPosts(SharedPowerBiStub.SALES)).isEqualTo(1);
    }

    private java.util.List<DeadLetter> salesLetters() {
        return deadLetters.list("powerbi-refresh-poll", 1000).stream()
                .filter(letter -> "acme-sales".equals(letter.payload())).toList();
    }
}
