package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.ops.DeadLetter;
import io.nl2q.hub.ops.DeadLetterReplayer;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insight push against an org that behaves as Salesforce and Veeva do where the first version went wrong: accounts
 * opting out after the last pull (C2, C3), the API limit reached part-way (C7), a row locked by another transaction;
 * and the operator API of both directions.
 */
@HubTest
class CrmOutboundCorrectnessTest {
    private static final String TENANT = InitrodeFixture.TENANT;
    @Autowired
    ProducerTemplate routes;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    SyncState state;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    DeadLetterReplayer replayer;
    @Autowired
    JdbcTemplate appState;
    @LocalServerPort
    int port;

    private final FakeSalesforce org = SharedFakeSalesforce.get();

    /** A fresh start with {@code n} promoted HCPs in the org, pulled once. */
    private List<String> linked(int n) {
        JdbcTemplate warehouse = InitrodeFixture.freshStart(org, state, warehouses);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> hcp : InitrodeFixture.promotedHcps(warehouse, n)) {
            ids.add(org.put("Account", (String) hcp.get("crm_account_id"), InitrodeFixture.account(hcp)));
        }
        routes.requestBody("direct:crm-veeva-inbound-tenant", TENANT, SyncReport.class);
        return ids;
    }

    private OutboundSync.Report push() {
        return routes.requestBody("direct:crm-veeva-outbound-tenant", TENANT, OutboundSync.Report.class);
    }

    private boolean showsInsight(String id) {
        return org.get("Account", id).containsKey(OutboundSync.INSIGHTS);
    }

    @Test
    void optOutsAreReadFromTheOrgAtPushTimeAndTheirInsightsCleared() {
        List<String> ids = linked(6);
        OutboundSync.Report first = push();
        assertThat(first.accepted()).isEqualTo(6);
        assertThat(ids).allMatch(this::showsInsight);

        // two accounts opt out after the last pull; no pull runs before the next push
        org.put("Account", ids.get(0), Map.of("PDRP_Opt_Out_vod__c", true));
        org.put("Account", ids.get(1), Map.of("PDRP_Opt_Out_vod__c", true));
        OutboundSync.Report second = push();

        assertThat(second.optedOut()).isEqualTo(2);
        assertThat(second.cleared()).isEqualTo(2);
        assertThat(org.get("Account", ids.get(0))).doesNotContainKeys(OutboundSync.INSIGHTS, OutboundSync.TREND,
                OutboundSync.MESSAGE, OutboundSync.ANALYSIS_DATE);
        assertThat(showsInsight(ids.get(1))).isFalse();
        assertThat(ids.subList(2, 6)).allMatch(this::showsInsight);
        assertThat(state.latestInsight(TENANT, ids.get(0))).isEmpty();

        int writes = org.writes.get(ids.get(0));
        OutboundSync.Report third = push();
        assertThat(third.cleared()).isZero();
        assertThat(third.optedOut()).isEqualTo(2);
        assertThat(org.writes.get(ids.get(0))).isEqualTo(writes);
    }

    @Test
    void aPauseMidPushIsParkedWithItsTenantAndItsReplayWritesEachRecordOnce() {
        List<String> ids = linked(6);
        // the opt-out query and two chunks of two bring the org to 80 %: the third chunk waits
        org.dailyMax.set(1000);
        org.dailyUsed.set(797);
        int parkedBefore = deadLetters.count("crm-veeva-outbound-run");

        routes.send("direct:crm-veeva-outbound-tenant", e -> e.getMessage().setBody(TENANT));

        assertThat(deadLetters.count("crm-veeva-outbound-run")).isEqualTo(parkedBefore + 1);
        DeadLetter parked = deadLetters.list("crm-veeva-outbound-run", 1).get(0);
        assertThat(parked.tenantId()).isEqualTo(TENANT);
        assertThat(parked.replayUri()).isEqualTo("direct:crm-veeva-outbound-tenant");
        assertThat(parked.payload()).isEqualTo(TENANT);
        assertThat(parked.causeMessage()).contains("paused", "4 insights");
        assertThat(ids.stream().filter(this::showsInsight)).hasSize(4);
        Map<String, Object> run = appState.queryForMap("SELECT status, figures_json FROM crm_sync_run WHERE"
                + " tenant_id = ? AND direction = 'outbound' ORDER BY run_id DESC LIMIT 1", TENANT);
        assertThat(run.get("status")).isEqualTo("PAUSED");
        assertThat(run.get("figures_json").toString()).contains("\"accepted\":4");

        org.dailyUsed.set(0); // the rolling 24 hours moved on
        replayer.replay(parked.id());

        assertThat(ids).allMatch(this::showsInsight);
        assertThat(ids).allSatisfy(id -> assertThat(org.writes.get(id)).as("writes of " + id).isEqualTo(1));
    }

    @Test
    void aLockedRowIsRetriedAndARefusedRecordIsParkedWithItsReplayAddress() {
        List<String> ids = linked(4);
        String locked = ids.get(0);
        String refused = ids.get(1);
        org.rejects.put(locked, "UNABLE_TO_LOCK_ROW");
        org.transientFailures.put(locked, new AtomicInteger(2)); // in the chunk and at the first retry
        org.rejects.put(refused, "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        int parkedBefore = deadLetters.count("crm-veeva-outbound-record-push");

        OutboundSync.Report report = push();

        assertThat(report.failures()).hasSize(2);
        assertThat(showsInsight(locked)).isTrue();
        assertThat(deadLetters.count("crm-veeva-outbound-record-push")).isEqualTo(parkedBefore + 1);
        DeadLetter parked = deadLetters.list("crm-veeva-outbound-record-push", 1).get(0);
        assertThat(parked.tenantId()).isEqualTo(TENANT);
        assertThat(parked.replayUri()).isEqualTo("direct:crm-veeva-outbound-record");
        assertThat(parked.causeMessage()).startsWith("FIELD_CUSTOM_VALIDATION_EXCEPTION").contains(refused);

        org.rejects.clear();
        replayer.replay(parked.id());
        assertThat(showsInsight(refused)).isTrue();
    }

    @Test
    void operatorsRunTheirOwnTenantsSyncsAndSeeTheirFigures() {
        InitrodeFixture.freshStart(org, state, warehouses);
        for (Map<String, Object> hcp : InitrodeFixture.promotedHcps(new JdbcTemplate(warehouses.forTenant(TENANT)
                .writer()), 2)) {
            org.put("Account", (String) hcp.get("crm_account_id"), InitrodeFixture.account(hcp));
        }
        var http = new HubHttp(port);
        HubHttp.Reply started = http.post("/api/v1/crm/sync/inbound/run", "initrode-demo-key", "");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("status").asText()).isEqualTo("QUEUED");
        long inbound = started.json().path("runId").asLong();
        JsonNode done = awaitRun(http, inbound);
        assertThat(done.path("direction").asText()).isEqualTo("inbound");
        assertThat(done.path("figures").path("mode").asText()).isEqualTo("first-load");
        assertThat(done.path("figures").path("accounts").asInt()).isEqualTo(2);
        assertThat(done.path("requestedBy").asText()).startsWith("key:");

        long outbound = http.post("/api/v1/crm/sync/outbound/run", "initrode-demo-key", "").json().path("runId")
                .asLong();
        assertThat(awaitRun(http, outbound).path("figures").path("accepted").asInt()).isEqualTo(2);

        // another tenant sees none of it and has no org to sync; a viewer may not start runs
        JsonNode globex = http.get("/api/v1/crm/sync/runs", "globex-demo-key").json();
        assertThat(globex.findValuesAsText("tenant")).doesNotContain(TENANT);
        assertThat(http.post("/api/v1/crm/sync/inbound/run", "globex-demo-key", "").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/crm/sync/inbound/run", "acme-viewer-key", "").status()).isEqualTo(403);
        HubHttp.Reply sideways = http.post("/api/v1/crm/sync/sideways/run", "initrode-demo-key", "");
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(sideways.json().path("error").path("correlationId").asText()).isNotBlank();
    }

    private JsonNode awaitRun(HubHttp http, long runId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode run : http.get("/api/v1/crm/sync/runs", "initrode-demo-key").json()) {
                if (run.path("runId").asLong() == runId && run.path("status").asText().equals("DONE")) {
                    found[0] = run;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
