package io.nl2q.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.HubHttp.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jmx.support.JmxUtils;

/** What an operator relies on: health, Prometheus metrics with Camel route metrics, Hawtio and Jolokia. */
@HubTest
class OpsEndpointsTest {
    @LocalServerPort
    int port;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    DeadLettersJmx deadLettersJmx;
    static final String PLATFORM = "platform-demo-key";
    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void healthAnswersWithoutCredentials() {
        Reply r = http.get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesCamelRouteMetrics() {
        http.sql("acme-demo-key", "SELECT COUNT(*) FROM product");
        Reply r = http.get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("routeId=\"query-run-sql\"").contains("camel_exchanges");
    }

    /** Hawtio's page (static files, its login form) loads for anyone; what it shows comes through Jolokia. */
    @Test
    void hawtioIsOnlyForPlatformOperators() {
        assertThat(http.get("/actuator/hawtio/", null).status()).isIn(200, 302); // Hawtio: to its login form
        assertThat(http.post("/actuator/jolokia", null, "{\"type\":\"version\"}").status()).isEqualTo(401);
        assertThat(http.getBasic("/actuator/hawtio/", "viewer", "acme-viewer-key").status()).isEqualTo(403);
        assertThat(http.getBasic("/actuator/hawtio/", "operator", "acme-demo-key").status()).isEqualTo(403);
        Reply page = http.getBasic("/actuator/hawtio/", "operator", PLATFORM);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaListsEveryRouteFileForOperators() throws Exception {
        String search = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}";
        assertThat(http.postBasic("/actuator/jolokia", "viewer", "acme-viewer-key", search).status()).isEqualTo(403);
        assertThat(http.postBasic("/actuator/jolokia", "operator", "acme-demo-key", search).status()).isEqualTo(403);
        Reply r = http.postBasic("/actuator/jolokia", "operator", PLATFORM, search);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> mbeans = new ArrayList<>();
        r.json().path("value").forEach(v -> mbeans.add(v.asText()));
        for (String routeId : routeIdsOnDisk()) {
            assertThat(mbeans).as("route " + routeId + " is visible in Hawtio")
                    .anyMatch(name -> name.contains("name=\"" + routeId + "\""));
        }
    }

    @Test
    void hawtioShowsTheBoastRoutesExchangeCounters() {
        for (String route : List.of("boast-inbound", "boast-outbound", "boast-partner-post", "boast-partner-call")) {
            String read = "{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=nl2q-hub,type=routes,name=\\\""
                    + route + "\\\"\",\"attribute\":[\"ExchangesInflight\",\"ExchangesFailed\",\"ExchangesTotal\"]}";
            Reply r = http.postBasic("/actuator/jolokia", "operator", PLATFORM, read);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("status").asInt()).as(r.body()).isEqualTo(200);
            for (String counter : List.of("ExchangesInflight", "ExchangesFailed", "ExchangesTotal")) {
                assertThat(r.json().path("value").path(counter).isNumber()).as(route + " " + counter).isTrue();
            }
        }
    }

    @Test
    void hawtioListsAndReplaysDeadLetters() {
        String route = "ops-jmx-test-" + System.nanoTime();
        deadLetters.park(route, "log:nowhere", new IllegalStateException("partner said no"),
                Map.of(DeadLetterStore.TENANT, "acme", DeadLetterStore.REPLAY_URI, "log:ops-jmx-replay"), "{}");
        String read = "{\"type\":\"read\",\"mbean\":\"io.nl2q.hub:type=DeadLetters\",\"attribute\":\"CountsByRoute\"}";
        assertThat(http.postBasic("/actuator/jolokia", "viewer", "acme-viewer-key", read).status()).isEqualTo(403);
        Reply counts = http.postBasic("/actuator/jolokia", "operator", PLATFORM, read);
        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        assertThat(counts.json().path("value").path(route).asInt()).as(counts.body()).isEqualTo(1);

        String list = "{\"type\":\"exec\",\"mbean\":\"io.nl2q.hub:type=DeadLetters\",\"operation\":\"list\","
                + "\"arguments\":[\"" + route + "\",5]}";
        Reply listed = http.postBasic("/actuator/jolokia", "operator", PLATFORM, list);
        assertThat(listed.json().path("status").asInt()).as(listed.body()).isEqualTo(200);
        var entry = listed.json().path("value").path(0);
        assertThat(entry.path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(entry.path("causeMessage").asText()).isEqualTo("partner said no");
        assertThat(entry.path("tenant").asText()).isEqualTo("acme");
        assertThat(entry.path("replayCount").asInt()).isZero();

        String replay = "{\"type\":\"exec\",\"mbean\":\"io.nl2q.hub:type=DeadLetters\",\"operation\":\"replay\","
                + "\"arguments\":[" + entry.path("id").asLong() + "]}";
        Reply replayed = http.postBasic("/actuator/jolokia", "operator", PLATFORM, replay);
        assertThat(replayed.json().path("value").path("replayCount").asInt()).as(replayed.body()).isEqualTo(1);
        assertThat(deadLetters.get(entry.path("id").asLong()).replayedAt()).isNotNull();
    }

    /**
     * Spring's JMX exporter, on when the hub runs (not in @SpringBootTest), registers every bean that is itself an
     * MBean; an MXBean registered twice stopped the hub from starting. The bean registers a separate object instead.
     */
    @Test
    void theDeadLetterMxBeanIsNotASpringBeanTheExporterWouldRegisterAgain() {
        assertThat(JmxUtils.isMBean(deadLettersJmx.getClass())).isFalse();
    }

    private static List<String> routeIdsOnDisk() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size() - 1; i++) {
                    if (lines.get(i).equals("- route:")) {
                        ids.add(lines.get(i + 1).replace("id:", "").strip());
                    }
                }
            }
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }
}
