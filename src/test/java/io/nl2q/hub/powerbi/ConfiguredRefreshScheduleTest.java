package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A configured Power BI refresh (hub-test.properties: acme-payers, after a load of payer and on a cron) runs on the
 * reports scheduler: its schedules are listed by the schedules API, and a load event of payer runs the on-data-change
 * one, which refreshes the dataset in the Power BI stub and ends delivered.
 */
@HubTest
class ConfiguredRefreshScheduleTest {
    static final String KEY = "acme-demo-key";
    static final String PAYERS = "3c9e1a7b-6d2f-4b8e-a1c4-9f0d2e7b5a61";
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void theConfiguredRefreshIsACronAndAnOnDataChangeScheduleAndALoadRefreshesTheDataset() {
        PowerBiStub stub = SharedPowerBiStub.get();
        stub.reset(false);
        stub.addDataset(PAYERS, "payers", "payers");
        HubHttp http = new HubHttp(port);
        List<JsonNode> configured = new ArrayList<>();
        http.get("/api/v1/schedules", KEY).json().forEach(s -> {
            if ("acme-payers".equals(s.path("destination").path("dataset").asText())) {
                configured.add(s);
            }
        });
        assertThat(configured).extracting(s -> s.path("trigger").asText())
                .containsExactlyInAnyOrder("cron", "on-data-change");
        JsonNode cron = configured.stream().filter(s -> s.path("trigger").asText().equals("cron")).findFirst()
                .orElseThrow();
        assertThat(cron.path("cron").asText()).isEqualTo("0 0 6 ? * MON 2099");
        assertThat(cron.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(cron.path("createdBy").asText()).isEqualTo("config:powerbi-refresh");
        assertThat(cron.path("destination").has("binding")).as("a refresh alone").isFalse();
        long onLoad = configured.stream().filter(s -> s.path("trigger").asText().equals("on-data-change"))
                .findFirst().orElseThrow().path("id").asLong();
        JsonNode saved = http.get("/api/v1/saved-questions/" + cron.path("savedQuestion").asLong(), KEY).json();
        assertThat(saved.path("name").asText()).isEqualTo("powerbi_refresh_acme_payers");
        assertThat(saved.path("sql").asText()).contains("payer");

        String events = camel.getCamelContext().resolvePropertyPlaceholders("{{hub.events.publish-uri}}");
        camel.sendBody(events, """
                {"specversion": "1.0", "id": "load-payers", "source": "/boast", "type": "io.nl2q.hub.boast.file.loaded",
                 "data": {"tenant": "acme", "table": "payer", "rows": 3}}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode runs = http.get("/api/v1/schedules/" + onLoad + "/runs", KEY).json();
            return runs.size() > 0 && runs.get(0).path("status").asText().equals("delivered");
        });
        JsonNode run = http.get("/api/v1/schedules/" + onLoad + "/runs", KEY).json().get(0);
        assertThat(run.path("firedBy").asText()).isEqualTo("data-change");
        assertThat(stub.refreshPosts()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM powerbi_refresh WHERE dataset_id = ?", Integer.class,
                PAYERS)).isPositive();
    }
}
