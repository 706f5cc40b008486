package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11: a Keycloak user without a tenant and with the realm role {@code platform-operator} operates the hub
 * (Jolokia, Hawtio's login, every tenant's dead letters) and reads no tenant's data; a tenant's user never does,
 * even holding that role.
 */
@HubTest
class PlatformOperatorTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    @BeforeAll
    static void keycloak() {
        KeycloakServer.start();
    }

    @Test
    void aTenantlessPlatformOperatorTokenOperatesTheHubButReadsNoData() throws Exception {
        String pat = KeycloakServer.passwordToken("nl2q-web", "pat");
        HttpResponse<String> version = post(pat, "/actuator/jolokia", "{\"type\":\"version\"}");
        assertThat(version.statusCode()).as(version.body()).isEqualTo(200);
        assertThat(JSON.readTree(version.body()).path("status").asInt()).isEqualTo(200);
        assertThat(get(pat, "/api/v1/ops/dead-letters").statusCode()).isEqualTo(200);
        assertThat(post(pat, "/api/v1/sql", "{\"sql\":\"SELECT 1\"}").statusCode()).isIn(401, 403);
        assertThat(post(pat, "/api/v1/query", "{\"question\":\"how many prescribers are there\"}").statusCode())
                .isIn(401, 403);

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/actuator/hawtio/auth/login"))
                .header("Origin", "http://127.0.0.1:" + port).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"token\",\"password\":\"" + pat + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    @Test
    void aTenantsUserIsNoPlatformOperatorWhateverItsRoles() throws Exception {
        String otto = KeycloakServer.passwordToken("nl2q-web", "otto");
        assertThat(post(otto, "/actuator/jolokia", "{\"type\":\"version\"}").statusCode()).isEqualTo(403);
        assertThat(get(otto, "/api/v1/ops/dead-letters").statusCode()).isEqualTo(200); // its tenant's, as operator
        String nora = KeycloakServer.passwordToken("nl2q-web", "nora"); // no tenant, no platform role
        assertThat(post(nora, "/actuator/jolokia", "{\"type\":\"version\"}").statusCode()).isEqualTo(403);
        assertThat(get(nora, "/api/v1/ops/dead-letters").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
