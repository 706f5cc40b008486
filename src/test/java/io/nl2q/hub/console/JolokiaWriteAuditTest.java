package io.nl2q.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubTest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attribute writes through Jolokia are audited like operations (issue 11 item 7): each write of a request, alone or
 * in a bulk request, leaves a row under tenant {@code _platform} naming the operator, the MBean and the attribute,
 * and the restrictor leaves the attribute as it was.
 */
@HubTest
class JolokiaWriteAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "platform-demo-key";
    private final HttpClient client = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyWriteIsAuditedAndRefused() throws Exception {
        boolean verbose = ManagementFactory.getMemoryMXBean().isVerbose();
        String write = "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":"
                + !verbose + "}";
        String logLevel = "{\"type\":\"write\",\"mbean\":\"java.util.logging:type=Logging\",\"attribute\":"
                + "\"LoggerLevel\",\"value\":\"FINEST\"}";
        HttpResponse<String> single = jolokia(write);
        assertDenied(single);
        HttpResponse<String> bulk = jolokia("[{\"type\":\"version\"}," + logLevel + "]");
        assertDenied(bulk);
        assertThat(ManagementFactory.getMemoryMXBean().isVerbose()).isEqualTo(verbose);

        List<String> audited = jdbc.queryForList("SELECT outcome || ' ' || subject || ' ' || detail FROM query_audit"
                + " WHERE tenant_id = '_platform' AND kind = 'jolokia' AND correlation_id IS NOT NULL"
                + " ORDER BY audit_id", String.class);
        assertThat(audited).anyMatch(a -> a.startsWith("DENIED platform:") && a.contains("write")
                && a.contains("java.lang:type=Memory") && a.contains("Verbose"));
        assertThat(audited).anyMatch(a -> a.startsWith("DENIED platform:") && a.contains("write")
                && a.contains("java.util.logging:type=Logging") && a.contains("LoggerLevel"));
    }

    private static void assertDenied(HttpResponse<String> r) throws Exception {
        if (r.statusCode() == 403) {
            return;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        List<JsonNode> replies = new java.util.ArrayList<>();
        if (body.isArray()) {
            body.forEach(replies::add);
        } else {
            replies.add(body);
        }
        assertThat(replies).as(r.body()).anyMatch(n -> n.path("status").asInt() == 403);
        assertThat(replies).as(r.body()).noneMatch(n -> n.path("request").path("type").asText().equals("write")
                && n.path("status").asInt() == 200);
    }

    private HttpResponse<String> jolokia(String body) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("ops:" + PLATFORM)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/jolokia"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
