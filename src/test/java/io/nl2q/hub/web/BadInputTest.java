package io.nl2q.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input gets a 4xx in the error contract, never a 500 or Spring's default body (issue 11 item 7): bodies over the
 * cap, charsets other than UTF-8 and bytes that are not UTF-8 on every kind of route, paths that are not plain, the
 * read-only routes endpoint, {@code /error} and unknown paths. Over real HTTP, raw sockets where a client would
 * normalize the path.
 */
@HubTest
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "acme-demo-key";
    private static final String PLATFORM = "platform-demo-key";
    /** One Camel route of each kind (question, SQL, reports API, feedback, Power BI) and an MVC endpoint. */
    private static final List<String> BODY_PATHS = List.of("/api/v1/query", "/api/v1/sql", "/api/v1/saved-questions",
            "/api/v1/feedback", "/api/powerbi/query", "/api/v1/schedules", "/api/v1/crm/widget-links");
    private final HttpClient client = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    @Test
    void aBodyOverTheCapIs413WhetherItsLengthIsDeclaredOrChunked() throws Exception {
        byte[] big = ("{\"question\":\"" + "a".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : BODY_PATHS) {
            HttpResponse<String> declared = send(post(path, "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
            assertError(declared, 413, "PAYLOAD_TOO_LARGE", path);
            HttpResponse<String> chunked = send(post(path, "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
            assertError(chunked, 413, "PAYLOAD_TOO_LARGE", path + " chunked");
        }
        // just under the cap is read and judged by the route itself
        byte[] fits = ("{\"question\":\"" + "a".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> judged = send(post("/api/v1/query", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fits)).build());
        assertError(judged, 400, "BAD_REQUEST", "a long question");
        assertThat(judged.body()).contains("characters long");
    }

    @Test
    void theConsoleHasItsOwnLargerCap() throws Exception {
        byte[] bulk = ("[" + "{\"type\":\"version\"},".repeat(100_000) + "{\"type\":\"version\"}]")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(bulk.length).isGreaterThan(1_500_000);
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/actuator/jolokia"))
                .header("X-API-Key", PLATFORM).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bulk)).build());
        assertThat(read.statusCode()).as(read.body().substring(0, Math.min(200, read.body().length())))
                .isEqualTo(200);
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/actuator/jolokia"))
                .header("X-API-Key", PLATFORM).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build());
        assertError(refused, 413, "PAYLOAD_TOO_LARGE", "9 MB to Jolokia");
    }

    @Test
    void aCharsetOtherThanUtf8OrBytesThatAreNotUtf8AreRefusedOnEveryRoute() throws Exception {
        byte[] latin1 = "{\"question\":\"caf\u00e9 sales\",\"sql\":\"SELECT 'caf\u00e9'\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] plain = "{\"question\":\"how many prescribers are there\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : BODY_PATHS) {
            assertError(send(post(path, "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
                    .build()), 400, "INVALID_ENCODING", path);
            assertError(send(post(path, "application/json; charset=ISO-8859-1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(plain)).build()), 415, "UNSUPPORTED_MEDIA_TYPE",
                    path + " latin-1");
            assertError(send(post(path, "application/json; charset=bogus-x")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(plain)).build()), 415, "UNSUPPORTED_MEDIA_TYPE",
                    path + " bogus");
            assertError(send(post(path, "application/json; charset=\"").POST(HttpRequest.BodyPublishers
                    .ofByteArray(plain)).build()), 415, "UNSUPPORTED_MEDIA_TYPE", path + " unparsable type");
        }
        HttpResponse<String> utf8 = send(post("/api/v1/query", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(plain)).build());
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(200);
    }

    @Test
    void aDeadLetterIdThatIsNoNumberIs400() throws Exception {
        HttpResponse<String> r = send(post("/api/v1/ops/dead-letters/abc/replay", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertError(r, 400, "BAD_REQUEST", "replay abc");
        assertThat(r.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void pathsThatAreNotPlainAre400InTheErrorContract() throws Exception {
        for (String path : List.of("/actuator//jolokia", "/actuator/jolokia;x=y", "/actuator/jolokia/;x=y",
                "/odata/v1/%2e%2e/Hcps", "/odata/v1/%2E%2E/%2E%2E/actuator/jolokia", "/api/v1/sql;x=y",
                "/api//v1/me", "/api/v1/me;jsessionid=1", "/app/%2e%2e/index.html")) {
            for (String key : List.of(KEY, PLATFORM)) {
                Raw r = raw("GET", path, key);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
                assertThat(code(r.body())).as(path).isEqualTo("BAD_REQUEST");
            }
        }
        // encoded slashes and backslashes Tomcat's connector refuses itself, before any filter: a 400 still
        for (String path : List.of("/api/v1/%2fme", "/odata/v1/%5c..%5cHcps")) {
            assertThat(raw("GET", path, KEY).status()).as(path).isEqualTo(400);
        }
    }

    @Test
    void theReadOnlyRoutesEndpointAnswers405NotItsFailure() throws Exception {
        HttpResponse<String> stop = send(HttpRequest.newBuilder(uri("/actuator/camelroutes/x/stop"))
                .header("X-API-Key", PLATFORM).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertError(stop, 405, "METHOD_NOT_ALLOWED", "routes stop");
        HttpResponse<String> tenant = send(HttpRequest.newBuilder(uri("/actuator/camelroutes/x/stop"))
                .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(tenant.statusCode()).isBetween(400, 499);
        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/actuator/camelroutes"))
                .header("X-API-Key", PLATFORM).GET().build());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("query-ask");
    }

    @Test
    void errorAndUnknownPathsAreJson404AndTheAppAndActuatorStillAnswer() throws Exception {
        for (String key : new String[] {null, KEY}) {
            HttpResponse<String> error = get("/error", key);
            assertError(error, 404, "NOT_FOUND", "/error with " + key);
        }
        for (String path : List.of("/api/v1/nope", "/nope", "/api/v1/query/extra", "/app/nope.js")) {
            HttpResponse<String> r = get(path, KEY);
            assertError(r, 404, "NOT_FOUND", path);
            assertThat(r.body()).doesNotContain("timestamp");
        }
        assertThat(get("/api/v1/nope", null).statusCode()).isEqualTo(401);
        HttpResponse<String> app = get("/app/", null);
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("<html");
        assertThat(get("/actuator/health", null).body()).contains("UP");
        HttpResponse<String> method = send(HttpRequest.newBuilder(uri("/api/v1/me")).header("X-API-Key", KEY)
                .DELETE().build());
        assertThat(method.statusCode()).as(method.body()).isBetween(400, 499);
        assertThat(code(method.body())).isNotBlank();
    }

    private HttpRequest.Builder post(String path, String contentType) {
        return HttpRequest.newBuilder(uri(path)).header("X-API-Key", KEY).header("Content-Type", contentType);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String what) throws IOException {
        assertThat(r.statusCode()).as(what + ": " + abbreviated(r.body())).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
        assertThat(code(r.body())).as(what).isEqualTo(code);
    }

    private static String code(String body) throws IOException {
        JsonNode error = JSON.readTree(body).path("error");
        assertThat(error.path("message").asText()).as(body).isNotBlank();
        return error.path("code").asText();
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** A request sent as written: java.net.http and curl would normalize or refuse these paths. */
    private Raw raw(String method, String path, String key) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            int start = body.indexOf('{'); // past a chunk size line, when chunked
            int end = body.lastIndexOf('}');
            return new Raw(status, start < 0 ? body : body.substring(start, end + 1));
        }
    }

    private record Raw(int status, String body) {
    }
}
