package io.nl2q.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 item 4: a tenant's operators list and replay their own tenant's dead letters only; another tenant's
 * entry answers 404 like one that does not exist. Platform operators see every tenant's.
 */
@HubTest
class DeadLetterTenancyTest {
    @LocalServerPort
    int port;
    @Autowired
    DeadLetterStore store;

    @Test
    void operatorsSeeAndReplayTheirOwnTenantsDeadLettersOnly() {
        String route = "tenancy-test-" + System.nanoTime();
        store.park(route, "http://partner.invalid", new IllegalStateException("acme partner down"),
                Map.of(DeadLetterStore.TENANT, "acme", DeadLetterStore.REPLAY_URI, "log:acme-replay"),
                "npi\n1234567890\n");
        store.park(route, "http://partner.invalid", new IllegalStateException("globex partner down"),
                Map.of(DeadLetterStore.TENANT, "globex", DeadLetterStore.REPLAY_URI, "log:globex-replay"), "{}");
        long acmeId = store.list("acme", route, 1).get(0).id();
        long globexId = store.list("globex", route, 1).get(0).id();
        HubHttp http = new HubHttp(port);

        assertThat(tenants(http.get("/api/v1/ops/dead-letters?route=" + route, "globex-demo-key")))
                .containsExactly("globex");
        Reply all = http.get("/api/v1/ops/dead-letters", "globex-demo-key");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).doesNotContain("1234567890").doesNotContain("acme partner down");
        assertThat(tenants(all)).containsOnly("globex");
        assertThat(tenants(http.get("/api/v1/ops/dead-letters?route=" + route, "acme-demo-key")))
                .containsExactly("acme");

        Reply foreign = http.post("/api/v1/ops/dead-letters/" + acmeId + "/replay", "globex-demo-key", "");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body()).doesNotContain("acme partner down");
        assertThat(store.get(acmeId).replayCount()).isZero();
        Reply own = http.post("/api/v1/ops/dead-letters/" + globexId + "/replay", "globex-demo-key", "");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("replayCount").asInt()).isEqualTo(1);

        Reply notANumber = http.post("/api/v1/ops/dead-letters/abc/replay", "globex-demo-key", "");
        assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(400);

        assertThat(tenants(http.get("/api/v1/ops/dead-letters?route=" + route, "platform-demo-key")))
                .containsExactlyInAnyOrder("acme", "globex");
        Reply platformReplay = http.post("/api/v1/ops/dead-letters/" + acmeId + "/replay", "platform-demo-key", "");
        assertThat(platformReplay.status()).as(platformReplay.body()).isEqualTo(200);
        assertThat(store.get(acmeId).replayCount()).isEqualTo(1);

        // the platform key opens operations only, never a tenant's data
        assertThat(http.sql("platform-demo-key", "SELECT 1").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/ops/dead-letters", "acme-viewer-key").status()).isEqualTo(403);
    }

    private static List<String> tenants(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> tenants = new ArrayList<>();
        r.json().forEach(n -> tenants.add(n.path("tenantId").asText()));
        return tenants;
    }
}
