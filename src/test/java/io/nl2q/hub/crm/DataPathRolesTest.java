package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.security.ApiKeyStore;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 11 item 5: viewer+ on every data path; widget links die with their key, are rate limited and bounded. */
@HubTest
class DataPathRolesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyStore keys;
    @Autowired
    WarehouseRegistry warehouses;

    private String key(Set<Role> roles) {
        String key = "test-" + UUID.randomUUID();
        keys.insert("initrode", key, "data-path-roles", roles, null);
        return key;
    }

    private String crmId() {
        return new JdbcTemplate(warehouses.forTenant("initrode").writer()).queryForObject(
                "SELECT MIN(crm_account_id) FROM initrode.hcp WHERE crm_account_id IS NOT NULL", String.class);
    }

    @Test
    void anOperatorOnlyKeyReadsNoWarehouseData() {
        var http = new HubHttp(port);
        String operator = key(Set.of(Role.OPERATOR));
        String question = "{\"question\":\"how many prescribers are there\"}";
        assertThat(http.post("/api/v1/query", operator, question).status()).isEqualTo(403);
        assertThat(http.post("/api/powerbi/query", operator, question).status()).isEqualTo(403);
        assertThat(http.get("/odata/v1/", operator).status()).isEqualTo(403);
        assertThat(http.get("/odata/v1/hcp", operator).status()).isEqualTo(403);
        var link = http.post("/api/v1/crm/widget-links", operator, "{\"crmAccountId\":\"" + crmId() + "\"}");
        assertThat(link.status()).isEqualTo(403);
        assertThat(link.errorCode()).isEqualTo("FORBIDDEN");

        String viewer = key(Set.of(Role.VIEWER));
        assertThat(http.post("/api/powerbi/query", viewer, question).status()).isEqualTo(200);
        assertThat(http.get("/odata/v1/", viewer).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/crm/widget-links", viewer, "{\"crmAccountId\":\"" + crmId() + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aWidgetLinkStopsWorkingWhenItsKeyIsRevoked() {
        var http = new HubHttp(port);
        String key = "test-" + UUID.randomUUID();
        String keyId = keys.insert("initrode", key, "revoked-later", Set.of(Role.VIEWER), null).keyId();
        String id = crmId();
        String url = http.post("/api/v1/crm/widget-links", key, "{\"crmAccountId\":\"" + id + "\"}")
                .json().path("url").asText();
        String token = url.substring(url.indexOf("?t=") + 3);
        assertThat(http.get("/widget/api/hcp/" + id + "?t=" + token, null).status()).isEqualTo(200);

        assertThat(keys.revoke("initrode", keyId)).isTrue();
        var refused = http.get("/widget/api/hcp/" + id + "?t=" + token, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.get("/widget/hcp/" + id + "?t=" + token, null).status()).isEqualTo(403);
    }

    @Test
    void theWidgetQuestionHasTheApiLengthLimitAndTheLinkARateLimit() {
        var http = new HubHttp(port);
        String id = crmId();
        String url = http.post("/api/v1/crm/widget-links", key(Set.of(Role.VIEWER)),
                "{\"crmAccountId\":\"" + id + "\"}").json().path("url").asText();
        String token = url.substring(url.indexOf("?t=") + 3);

        var tooLong = http.post("/widget/api/hcp/" + id + "/ask?t=" + token, null,
                "{\"question\":\"" + "trx ".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(tooLong.json().path("error").path("message").asText()).endsWith("the limit is 2000");

        int answered = 1;
        HubHttp.Reply last = null;
        for (int i = 0; i < 80; i++) {
            last = http.get("/widget/hcp/" + id + "?t=" + token, null);
            if (last.status() == 429) {
                break;
            }
            answered++;
        }
        // 60 a minute, refilled greedily (one a second), so the loop's own second may add one
        assertThat(answered).as("requests the link got before 429").isBetween(60, 62);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(last.retryAfter())).isPositive();
        // another link from the same address is not held back by this one
        String other = http.post("/api/v1/crm/widget-links", key(Set.of(Role.VIEWER)),
                "{\"crmAccountId\":\"" + id + "\"}").json().path("url").asText();
        assertThat(http.get(other, null).status()).isEqualTo(200);
    }
}
