package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Roles per endpoint, the API-key admin API, rate limits and browser headers, over real HTTP. */
@HubTest
class SecurityApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate appState;
    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void everyEndpointEnforcesItsRoles() {
        for (String path : List.of("/api/v1/admin/api-keys", "/api/v1/audit/verify", "/api/v1/audit/report")) {
            assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
            Reply viewer = http.get(path, "acme-viewer-key");
            assertThat(viewer.status()).as(path).isEqualTo(403);
            assertThat(viewer.errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(http.sql("acme-viewer-key", "SELECT 1").status()).isEqualTo(403);
        assertThat(http.ask(null, "how many prescribers are there").status()).isEqualTo(401);
        assertThat(http.ask("acme-viewer-key", "how many prescribers are there").status()).isEqualTo(200);
        assertThat(http.ask("acme-nonsense-key", "how many prescribers are there").status()).isEqualTo(401);
    }

    @Test
    void adminIssuesAKeyShownOnceStoredHashedScopedToTenantAndRoles() {
        Reply created = createKey("acme-demo-key", "{\"label\": \"BI gateway\", \"roles\": [\"viewer\"], \"expiresInDays\": 30}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String key = body.path("key").asText();
        String keyId = body.path("keyId").asText();
        assertThat(key).startsWith("nk_").hasSizeGreaterThan(40);
        assertThat(body.path("tenant").asText()).isEqualTo("acme");
        assertThat(body.path("roles").asText()).isEqualTo("VIEWER");
        assertThat(body.path("expiresAt").asText()).isNotBlank();

        // stored only as its hash
        assertThat(appState.queryForObject("SELECT key_hash FROM api_key WHERE key_id = ?", String.class, keyId))
                .isEqualTo(ApiKeys.hash(key));
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ? OR label = ? OR key_prefix = ?",
                Integer.class, key, key, key)).isZero();

        // it works, within its roles, and its use is noted
        assertThat(http.ask(key, "how many prescribers are there").status()).isEqualTo(200);
        assertThat(http.sql(key, "SELECT 1").status()).isEqualTo(403);
        JsonNode listed = find(http.get("/api/v1/admin/api-keys", "acme-demo-key").json(), keyId);
        assertThat(listed).isNotNull();
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.path("lastUsedAt").asText()).isNotBlank();

        // another tenant's admin neither sees nor revokes it
        assertThat(find(http.get("/api/v1/admin/api-keys", "globex-demo-key").json(), keyId)).isNull();
        Reply foreign = delete("/api/v1/admin/api-keys/" + keyId, "globex-demo-key");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(http.ask(key, "how many prescribers are there").status()).isEqualTo(200);

        // its own admin revokes it; then it is refused
        assertThat(delete("/api/v1/admin/api-keys/" + keyId, "acme-demo-key").status()).isEqualTo(204);
        assertThat(http.ask(key, "how many prescribers are there").status()).isEqualTo(401);
        assertThat(find(http.get("/api/v1/admin/api-keys", "acme-demo-key").json(), keyId).path("revokedAt").asText())
                .isNotBlank();
        assertThat(delete("/api/v1/admin/api-keys/" + keyId, "acme-demo-key").status()).isEqualTo(404);
    }

    @Test
    void expiredKeysAreRefusedAndAdminsCannotGrantRolesTheyLack() {
        JsonNode admin = createKey("acme-demo-key", "{\"label\": \"tenant admin\", \"roles\": [\"admin\"]}").json();
        String adminKey = admin.path("key").asText();
        Reply escalate = createKey(adminKey, "{\"label\": \"ops\", \"roles\": [\"operator\"]}");
        assertThat(escalate.status()).isEqualTo(403);
        assertThat(createKey(adminKey, "{\"label\": \"analyst\", \"roles\": [\"analyst\"]}").status()).isEqualTo(201);
        assertThat(createKey(adminKey, "{\"label\": \"x\", \"roles\": [\"root\"]}").errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(createKey(adminKey, "{\"roles\": [\"viewer\"]}").errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(createKey(adminKey, "{\"label\": \"x\", \"roles\": [\"viewer\"], \"expiresAt\": \"2001-01-01T00:00:00Z\"}")
                .errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(createKey(adminKey, "not json").errorCode()).isEqualTo("BAD_REQUEST");

        assertThat(http.get("/api/v1/admin/api-keys", adminKey).status()).isEqualTo(200);
        appState.update("UPDATE api_key SET expires_at = ? WHERE key_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), admin.path("keyId").asText());
        Reply expired = http.get("/api/v1/admin/api-keys", adminKey);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void rateLimitsPerCallerAndPerTenantAnswer429WithRetryAfter() {
        // umbrella: 4 requests per caller and 6 per tenant a day (hub-test.properties)
        for (int i = 0; i < 4; i++) {
            assertThat(http.post("/api/v1/sql", "umbrella-key-one", "{}").status()).isEqualTo(400);
        }
        Reply byKey = http.post("/api/v1/sql", "umbrella-key-one", "{}");
        assertThat(byKey.status()).isEqualTo(429);
        assertThat(byKey.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(byKey.json().path("error").path("message").asText()).contains("caller");
        assertThat(byKey.json().path("error").path("correlationId").asText()).isNotBlank();
        assertThat(Long.parseLong(byKey.retryAfter())).isBetween(1L, 86_400L / 4 + 1);

        assertThat(http.post("/api/v1/sql", "umbrella-key-two", "{}").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/sql", "umbrella-key-two", "{}").status()).isEqualTo(400);
        Reply byTenant = http.post("/api/v1/sql", "umbrella-key-two", "{}");
        assertThat(byTenant.status()).isEqualTo(429);
        assertThat(byTenant.json().path("error").path("message").asText()).contains("tenant");
        assertThat(byTenant.retryAfter()).isNotNull();
        // another tenant is not affected
        assertThat(http.ask("acme-demo-key", "how many prescribers are there").status()).isEqualTo(200);
        // and the refusals are security events of the tenant
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM query_audit WHERE tenant_id = 'umbrella' "
                + "AND kind = 'security' AND outcome = 'RATE_LIMITED'", Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void browserHeadersCspFrameAncestorsAndCorsAllowList() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/api/v1/query"))
                .header("X-API-Key", "acme-demo-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"how many prescribers are there\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'self' https://crm.example.com");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        List<String> allowed = new ArrayList<>();
        for (String origin : List.of("https://crm.example.com", "https://evil.example.net")) {
            HttpResponse<String> pre = client.send(HttpRequest.newBuilder(uri("/api/v1/query"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "x-api-key,content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            pre.headers().firstValue("Access-Control-Allow-Origin").ifPresent(allowed::add);
            if (origin.contains("evil")) {
                assertThat(pre.statusCode()).isEqualTo(403);
            }
        }
        assertThat(allowed).containsExactly("https://crm.example.com");
    }

    private Reply createKey(String adminKey, String body) {
        return http.post("/api/v1/admin/api-keys", adminKey, body);
    }

    private Reply delete(String path, String key) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                    .header("X-API-Key", key).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), "", null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode find(JsonNode list, String keyId) {
        for (JsonNode k : list) {
            if (k.path("keyId").asText().equals(keyId)) {
                return k;
            }
        }
        return null;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
