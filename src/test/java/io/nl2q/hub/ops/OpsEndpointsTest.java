package io.nl2q.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.HubHttp.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator relies on: health, Prometheus metrics with Camel route metrics, Hawtio and Jolokia. */
@HubTest
class OpsEndpointsTest {
    @LocalServerPort
    int port;
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

    @Test
    void hawtioIsOnlyForOperators() {
        assertThat(http.get("/actuator/hawtio/", null).status()).isEqualTo(401);
        assertThat(http.getBasic("/actuator/hawtio/", "viewer", "acme-viewer-key").status()).isEqualTo(403);
        Reply page = http.getBasic("/actuator/hawtio/", "operator", "acme-demo-key");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaListsEveryRouteFileForOperators() throws Exception {
        String search = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}";
        assertThat(http.postBasic("/actuator/jolokia", "viewer", "acme-viewer-key", search).status()).isEqualTo(403);
        Reply r = http.postBasic("/actuator/jolokia", "operator", "acme-demo-key", search);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> mbeans = new ArrayList<>();
        r.json().path("value").forEach(v -> mbeans.add(v.asText()));
        for (String routeId : routeIdsOnDisk()) {
            assertThat(mbeans).as("route " + routeId + " is visible in Hawtio")
                    .anyMatch(name -> name.contains("name=\"" + routeId + "\""));
        }
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
