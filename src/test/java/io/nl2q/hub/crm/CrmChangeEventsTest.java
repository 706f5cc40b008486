package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nl2q.hub.HubTest;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Change Data Capture over the stub's Streaming API (CometD long polling): events applied to the warehouse with
 * their replay id persisted, a restart resuming after the last applied event, re-handshakes on 403::Unknown client
 * and HTTP 401, and a full reconciliation when the stored replay id is past the org's retention.
 */
@HubTest
class CrmChangeEventsTest {
    private static final String TENANT = "initrode";
    private static final String CALLS = "/data/Call2_vod__ChangeEvent";
    private static final String ACCOUNTS = "/data/AccountChangeEvent";
    @Autowired
    CdcListener cdc;
    @Autowired
    InboundSync inbound;
    @Autowired
    SyncState state;
    @Autowired
    WarehouseRegistry warehouses;

    private final FakeSalesforce org = SharedFakeSalesforce.get();

    @AfterEach
    void stopListener() {
        cdc.stop(TENANT);
    }

    private JdbcTemplate warehouse() {
        return new JdbcTemplate(warehouses.forTenant(TENANT).writer());
    }

    private List<String> crmCalls() {
        return warehouse().queryForList("SELECT crm_call_id FROM initrode.call_activity WHERE crm_call_id IS NOT NULL",
                String.class);
    }

    private String newCall(String accountId, String date) {
        return org.put("Call2_vod__c", null, Map.of("Account_vod__c", accountId, "Call_Date_vod__c", date,
                "Call_Channel_vod__c", "Phone_vod", "Duration_vod__c", 15, "Detailed_Products_vod__c", "Tirosint",
                "Status_vod__c", "Submitted_vod"));
    }

    private long publish(String channel, String entity, String type, String id) {
        return org.cometd.publish(channel, entity, type, List.of(id), List.of());
    }

    private List<String> deliveredToLatestClient(String channel) {
        return org.cometd.deliveredToLatestClient().stream().filter(d -> d.startsWith(channel + "@")).toList();
    }

    private String lastSubscription(String channel) {
        return org.cometd.subscriptions.stream().filter(s -> s.startsWith(channel + "@")).reduce((x, y) -> y)
                .orElse("");
    }

    @Test
    void appliesChangeEventsAndResumesAfterTheLastAppliedReplayId() {
        JdbcTemplate warehouse = InitrodeFixture.freshStart(org, state, warehouses);
        List<String> accounts = new java.util.ArrayList<>();
        for (Map<String, Object> hcp : InitrodeFixture.promotedHcps(warehouse, 3)) {
            accounts.add(org.put("Account", (String) hcp.get("crm_account_id"), InitrodeFixture.account(hcp)));
        }
        String a1 = accounts.get(0);
        assertThat(inbound.pull(TENANT).mode()).isEqualTo("first-load");
        assertThat(crmCalls()).isEmpty();

        cdc.start(TENANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> lastSubscription(CALLS).equals(CALLS + "@-1"));

        // events 1-3 applied, each replay id recorded
        String c1 = newCall(a1, "2025-12-01");
        publish(CALLS, "Call2_vod__c", "CREATE", c1);
        String c2 = newCall(a1, "2025-12-02");
        publish(CALLS, "Call2_vod__c", "CREATE", c2);
        org.put("Call2_vod__c", c2, Map.of("Call_Channel_vod__c", "Video_vod"));
        publish(CALLS, "Call2_vod__c", "UPDATE", c2);
        await().atMost(Duration.ofSeconds(20)).until(() -> state.replayId(TENANT, CALLS).orElse(0L) == 3L);
        assertThat(crmCalls()).containsExactlyInAnyOrder(c1, c2);
        assertThat(warehouse().queryForObject("SELECT channel FROM initrode.call_activity WHERE crm_call_id = ?",
                String.class, c2)).isEqualTo("Virtual");

        // "crash"; while the hub is down the CRM creates one call and deletes another
        cdc.stop(TENANT);
        String c4 = newCall(a1, "2025-12-04");
        publish(CALLS, "Call2_vod__c", "CREATE", c4);
        org.delete("Call2_vod__c", c1);
        publish(CALLS, "Call2_vod__c", "DELETE", c1);

        // the restart resumes after 3: events 4 and 5 only, nothing lost or doubled
        cdc.start(TENANT);
        await().atMost(Duration.ofSeconds(20)).until(() -> state.replayId(TENANT, CALLS).orElse(0L) == 5L);
        assertThat(lastSubscription(CALLS)).isEqualTo(CALLS + "@3");
        assertThat(deliveredToLatestClient(CALLS)).containsExactly(CALLS + "@4", CALLS + "@5");
        assertThat(crmCalls()).containsExactlyInAnyOrder(c2, c4);

        // the org forgot the client (403::Unknown client): handshake and subscribe again, from the stored replay id
        // (a name of this run: the warehouse file outlives a run, and the fixture copies names from it)
        String streamed = "Streamed" + Long.toString(System.nanoTime(), 36);
        int handshakes = org.cometd.handshakes.get();
        org.cometd.forgetClients();
        org.put("Account", a1, Map.of("LastName", streamed));
        publish(ACCOUNTS, "Account", "UPDATE", a1);
        await().atMost(Duration.ofSeconds(20)).until(() -> streamed.equals(warehouse().queryForObject(
                "SELECT last_name FROM initrode.hcp WHERE crm_account_id = ?", String.class, a1)));
        assertThat(org.cometd.handshakes.get()).isGreaterThan(handshakes);
        assertThat(lastSubscription(CALLS)).isEqualTo(CALLS + "@5");

        // the OAuth session expired (HTTP 401 from /cometd): sign in again, handshake, carry on
        int logins = org.logins.get();
        int handshakesBefore401 = org.cometd.handshakes.get();
        org.expireSessions();
        await().atMost(Duration.ofSeconds(20)).until(() -> org.cometd.handshakes.get() > handshakesBefore401);
        String c6 = newCall(a1, "2025-12-06");
        publish(CALLS, "Call2_vod__c", "CREATE", c6);
        await().atMost(Duration.ofSeconds(20)).until(() -> crmCalls().contains(c6));
        assertThat(org.logins.get()).isGreaterThan(logins);

        // down past the org's event retention: the stored replay id is refused, a full reconciliation catches up
        cdc.stop(TENANT);
        String missed = newCall(a1, "2025-12-07");
        org.delete("Call2_vod__c", c4);
        org.cometd.retainFrom(100);
        org.soql.clear();
        cdc.start(TENANT);
        await().atMost(Duration.ofSeconds(30)).until(() -> crmCalls().contains(missed) && !crmCalls().contains(c4));
        assertThat(org.cometd.subscriptions).contains(CALLS + "@6");
        assertThat(lastSubscription(CALLS)).isEqualTo(CALLS + "@-1");
        assertThat(org.soql).anyMatch(q -> q.startsWith("SELECT Id, Account_vod__c") && !q.contains("WHERE"));
        assertThat(state.replayId(TENANT, CALLS)).isEmpty();
    }
}
