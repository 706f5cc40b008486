package io.nl2q.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 2: Jolokia belongs to platform operators, and even they reach only reads and the operations Hawtio's
 * Camel views need. Each call below read files, environment, secrets or other tenants' keys, or stopped the JVM's
 * work, with nothing but a tenant operator's key.
 */
@HubTest
class JolokiaRestrictionTest {
    static final String PLATFORM = "platform-demo-key";
    static final String CONTEXT = "org.apache.camel:context=nl2q-hub,type=context,name=\\\"nl2q-hub\\\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenantKeysNeverReachJolokiaWhateverTheirRoles() throws Exception {
        String version = "{\"type\":\"version\"}";
        for (String key : List.of("acme-demo-key", "globex-demo-key", "acme-viewer-key")) {
            assertThat(jolokia(key, version).statusCode()).as(key).isEqualTo(403);
            assertThat(send(request("/actuator/jolokia").header("X-API-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(version))).statusCode()).as(key).isEqualTo(403);
        }
        assertThat(jolokia("not-a-key", version).statusCode()).isEqualTo(401);
        HttpResponse<String> platform = jolokia(PLATFORM, version);
        assertThat(platform.statusCode()).as(platform.body()).isEqualTo(200);
        assertThat(json(platform).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void requestOperationsOfTheCamelContextAreRefused() throws Exception {
        List<String> endpoints = List.of("language:simple:resource:file:/etc/hostname",
                "language:simple:${sysenv.HOME} ${properties:hub.crm.widget.secret}",
                "sql:SELECT key_hash FROM api_key WHERE tenant_id='globex'?dataSource=#dataSource",
                "sql:UPDATE api_key SET revoked_at = NULL?dataSource=#dataSource");
        String hostname = Files.readString(Path.of("/etc/hostname")).strip();
        for (String operation : List.of("requestStringBody", "requestBody(java.lang.String,java.lang.Object)",
                "sendStringBody", "sendBody(java.lang.String,java.lang.Object)")) {
            for (String endpoint : endpoints) {
                String body = JSON.createObjectNode().put("type", "exec").put("mbean", CONTEXT.replace("\\\"", "\""))
                        .put("operation", operation).set("arguments", JSON.createArrayNode().add(endpoint).add("x"))
                        .toString();
                HttpResponse<String> r = jolokia(PLATFORM, body);
                assertRefused(r, operation + " " + endpoint);
                assertThat(r.body()).doesNotContain("\"value\":\"" + hostname).doesNotContain("test-widget-secret")
                        .doesNotContain(System.getenv("HOME"));
            }
        }
    }

    @Test
    void stoppingTheContextDumpingTheHeapAndLoadingAgentsAreRefused() throws Exception {
        assertRefused(jolokia(PLATFORM, exec(CONTEXT, "stop()")), "context stop");
        assertRefused(jolokia(PLATFORM, exec(CONTEXT, "stop")), "context stop");
        assertThat(camel.getStatus().isStarted()).isTrue();
        Path heap = Files.createTempDirectory("heap").resolve("hub.hprof");
        assertRefused(jolokia(PLATFORM, exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap",
                "\"" + heap + "\"", "true")), "dumpHeap");
        assertThat(heap).doesNotExist();
        assertRefused(jolokia(PLATFORM, exec("com.sun.management:type=DiagnosticCommand", "jvmtiAgentLoad",
                "[\"/tmp/agent.so\"]")), "jvmtiAgentLoad");
        assertRefused(jolokia(PLATFORM, exec("com.sun.management:type=DiagnosticCommand", "vmSystemProperties")),
                "diagnostic command");
        assertRefused(jolokia(PLATFORM, exec("java.lang:type=Memory", "gc")), "gc");
        assertRefused(jolokia(PLATFORM, exec("java.lang:type=Runtime", "getSystemProperties")), "runtime");
        assertRefused(jolokia(PLATFORM, "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":true}"), "write");
        assertRefused(jolokia(PLATFORM, "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
                + "\"attribute\":\"SystemProperties\"}"), "system properties");
        assertRefused(jolokia(PLATFORM, "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
                + "\"attribute\":\"InputArguments\"}"), "input arguments");
        // the URL form of the same requests, and a bulk request hiding one among reads
        HttpResponse<String> get = send(request("/actuator/jolokia/exec/com.sun.management:type=DiagnosticCommand"
                + "/vmSystemProperties").header("Authorization", basic(PLATFORM)).GET());
        assertRefused(get, "GET exec");
        HttpResponse<String> bulk = jolokia(PLATFORM, "[{\"type\":\"version\"}," + exec(CONTEXT, "stop()") + "]");
        assertRefused(bulk, "bulk");
        assertThat(camel.getStatus().isStarted()).isTrue();
    }

    @Test
    void theRouteOperationsHawtioNeedsStayAllowedAndAreAudited() throws Exception {
        String route = "org.apache.camel:context=nl2q-hub,type=routes,name=\\\"ops-dead-letters-list\\\"";
        HttpResponse<String> stop = jolokia(PLATFORM, exec(route, "stop()"));
        assertThat(json(stop).path("status").asInt()).as(stop.body()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus("ops-dead-letters-list").isStopped()).isTrue();
        HttpResponse<String> start = jolokia(PLATFORM, exec(route, "start"));
        assertThat(json(start).path("status").asInt()).as(start.body()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus("ops-dead-letters-list").isStarted()).isTrue();

        assertRefused(jolokia(PLATFORM, exec(CONTEXT, "requestStringBody", "\"log:x\"", "\"x\"")), "request");
        List<String> audited = jdbc.queryForList("SELECT outcome || ' ' || detail FROM query_audit"
                + " WHERE tenant_id = '_platform' AND kind = 'jolokia' ORDER BY audit_id", String.class);
        assertThat(audited).anyMatch(a -> a.startsWith("ALLOWED") && a.contains("ops-dead-letters-list")
                && a.contains("stop()"));
        assertThat(audited).anyMatch(a -> a.startsWith("DENIED") && a.contains("requestStringBody"));
        assertThat(jdbc.queryForList("SELECT subject FROM query_audit WHERE tenant_id = '_platform'"
                + " AND kind = 'jolokia'", String.class)).allMatch(s -> s.startsWith("platform:"));
    }

    @Test
    void crossSiteRequestsAreRefusedAndNeverAnsweredWithCorsHeaders() throws Exception {
        String read = "{\"type\":\"version\"}";
        for (String path : List.of("/actuator/jolokia", "/actuator/hawtio/jolokia", "/actuator/hawtio/auth/login")) {
            HttpResponse<String> evil = send(request(path).header("Authorization", basic(PLATFORM))
                    .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(read)));
            assertThat(evil.statusCode()).as(path).isEqualTo(403);
            assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            assertThat(evil.headers().firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
            HttpResponse<String> preflight = send(request(path).header("Origin", "http://evil.example")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.statusCode()).as(path).isEqualTo(403);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        HttpResponse<String> own = send(request("/actuator/jolokia").header("Authorization", basic(PLATFORM))
                .header("Origin", "http://127.0.0.1:" + port).POST(HttpRequest.BodyPublishers.ofString(read)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    void aConsoleSessionNeedsItsOwnOriginOnEveryPost() throws Exception {
        HttpResponse<String> login = send(request("/actuator/hawtio/auth/login")
                .header("Origin", "http://127.0.0.1:" + port).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ops\",\"password\":\"" + PLATFORM + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String read = "{\"type\":\"version\"}";
        HttpResponse<String> noOrigin = send(request("/actuator/jolokia").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(read)));
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> sameOrigin = send(request("/actuator/jolokia").header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + port).POST(HttpRequest.BodyPublishers.ofString(read)));
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(200);
        assertThat(json(sameOrigin).path("status").asInt()).isEqualTo(200);

        HttpResponse<String> tenant = send(request("/actuator/hawtio/auth/login")
                .header("Origin", "http://127.0.0.1:" + port).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ops\",\"password\":\"acme-demo-key\"}")));
        assertThat(tenant.statusCode()).isEqualTo(403);
    }

    private static void assertRefused(HttpResponse<String> r, String what) throws Exception {
        if (r.statusCode() == 403) {
            return;
        }
        JsonNode body = json(r);
        List<JsonNode> replies = body.isArray() ? List.copyOf(toList(body)) : List.of(body);
        assertThat(replies).as(what + ": " + r.body()).anyMatch(n -> n.path("status").asInt() == 403);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> all = new java.util.ArrayList<>();
        array.forEach(all::add);
        return all;
    }

    private static String exec(String mbean, String operation, String... arguments) {
        return "{\"type\":\"exec\",\"mbean\":\"" + mbean + "\",\"operation\":\"" + operation + "\",\"arguments\":["
                + String.join(",", arguments) + "]}";
    }

    private HttpResponse<String> jolokia(String key, String body) throws Exception {
        return send(request("/actuator/jolokia").header("Authorization", basic(key))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString(("ops:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
