package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.TestEventBroker;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both directions through the routes against the Salesforce stub: records changed in the stub arrive in the
 * warehouse, insights arrive in the stub, deletions propagate, a crash mid-sync resumes from the watermark.
 */
@HubTest
class CrmRoundTripTest {
    private static final String TENANT = "initrode";
    @Autowired
    ProducerTemplate routes;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    SyncState state;
    @Autowired
    JdbcTemplate appState;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    InboundSync inbound;
    @Autowired
    TestEventBroker events;
    @LocalServerPort
    int port;

    private final FakeSalesforce org = SharedFakeSalesforce.get();

    private JdbcTemplate warehouse() {
        return new JdbcTemplate(warehouses.forTenant(TENANT).writer());
    }

    private SyncReport pull() {
        return routes.requestBody("direct:crm-veeva-inbound-tenant", TENANT, SyncReport.class);
    }

    private Map<String, Object> call(String accountId, String date) {
        return Map.of("Account_vod__c", accountId, "Call_Date_vod__c", date, "Call_Channel_vod__c", "Video_vod",
                "Duration_vod__c", 20, "Detailed_Products_vod__c", "Flector,Tirosint", "Status_vod__c", "Submitted_vod");
    }

    @Test
    void roundTrip() {
        JdbcTemplate warehouse = InitrodeFixture.freshStart(org, state, warehouses);
        List<String> ids = new java.util.ArrayList<>();
        for (Map<String, Object> hcp : InitrodeFixture.promotedHcps(warehouse, 6)) {
            // an HCP of the warehouse with no CRM id yet is linked by its NPI
            ids.add(org.put("Account", (String) hcp.get("crm_account_id"), InitrodeFixture.account(hcp)));
        }
        String optedOut = ids.get(5);
        org.put("Account", optedOut, Map.of("PDRP_Opt_Out_vod__c", true));
        String newcomer = org.put("Account", null, Map.of("FirstName", "Nora", "LastName", "Newman", "NPI_vod__c",
                String.valueOf(1_900_000_000L + System.currentTimeMillis() % 99_999_999L), "Specialty_1_vod__c", "Endocrinology", "Territory_vod__c", "T02"));
        String a1 = ids.get(0);
        String c1 = org.put("Call2_vod__c", null, call(a1, "2025-12-01"));
        String c2 = org.put("Call2_vod__c", null, call(newcomer, "2025-12-02"));

        // an answer cached before the sync is not served after it: the sync announces the tables it changed
        var http = new HubHttp(port);
        String question = "How many prescribers are there?";
        assertThat(http.ask("initrode-demo-key", question).status()).isEqualTo(200);
        assertThat(http.ask("initrode-demo-key", question).json().path("cached").asBoolean()).isTrue();
        // first load: Bulk 2.0 export; warehouse rows the CRM does not have lose their CRM id
        SyncReport first = pull();
        assertThat(first.mode()).isEqualTo("first-load");
        assertThat(events.event(v -> v.contains("\"type\":\"io.nl2q.data.changed\"")
                && v.contains("\"tenant\":\"initrode\"") && v.contains("\"tables\":[\"hcp\",\"call_activity\"]"))
                .key()).isEqualTo(TENANT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.ask("initrode-demo-key", question)
                .json().path("cached").asBoolean()).isFalse());
        assertThat(first.accounts()).isEqualTo(7);
        assertThat(warehouse().queryForObject("SELECT COUNT(*) FROM initrode.hcp WHERE crm_account_id IS NOT NULL",
                Integer.class)).isEqualTo(7);
        assertThat(warehouse().queryForObject("SELECT full_name FROM initrode.hcp WHERE crm_account_id = ?",
                String.class, newcomer)).isEqualTo("Nora Newman");
        assertThat(warehouse().queryForList("SELECT crm_call_id FROM initrode.call_activity WHERE crm_call_id IS NOT NULL",
                String.class)).containsExactlyInAnyOrder(c1, c2);
        assertThat(warehouse().queryForObject("SELECT channel || '/' || product_id FROM initrode.call_activity"
                + " WHERE crm_call_id = ?", String.class, c1)).isEqualTo("Virtual/P10");

        // increments: a rename, a new call, a deleted call
        org.put("Account", a1, Map.of("LastName", "Renamed"));
        String c3 = org.put("Call2_vod__c", null, call(a1, "2025-12-03"));
        org.delete("Call2_vod__c", c2);
        SyncReport second = pull();
        assertThat(second.mode()).isEqualTo("incremental");
        assertThat(second.deletedCalls()).isEqualTo(1);
        assertThat(warehouse().queryForObject("SELECT last_name FROM initrode.hcp WHERE crm_account_id = ?",
                String.class, a1)).isEqualTo("Renamed");
        assertThat(warehouse().queryForList("SELECT crm_call_id FROM initrode.call_activity WHERE crm_call_id IS NOT NULL",
                String.class)).containsExactlyInAnyOrder(c1, c3);

        // a crash on the second page of calls: the next run resumes from the watermark, nothing lost or doubled
        for (int i = 0; i < 6; i++) {
            org.put("Call2_vod__c", null, call(newcomer, "2025-12-1" + i));
        }
        org.pageSize(2);
        org.failCallAt.set(6); // limits, account deletions, account changes, call deletions, call page 1, [call page 2]
        // (the bean, not the route: the route's retries would already resume the run)
        assertThatThrownBy(() -> inbound.pull(TENANT)).hasMessageContaining("UNKNOWN_EXCEPTION");
        int afterCrash = warehouse().queryForObject("SELECT COUNT(*) FROM initrode.call_activity WHERE crm_call_id"
                + " IS NOT NULL", Integer.class);
        assertThat(afterCrash).isBetween(3, 7);
        org.failCallAt.set(0);
        pull();
        assertThat(warehouse().queryForObject("SELECT COUNT(*) FROM initrode.call_activity WHERE crm_call_id IS NOT NULL",
                Integer.class)).isEqualTo(8);
        assertThat(warehouse().queryForObject("SELECT COUNT(DISTINCT crm_call_id) FROM initrode.call_activity"
                + " WHERE crm_call_id IS NOT NULL", Integer.class)).isEqualTo(8);
        String resumedFrom = org.soql.stream().filter(q -> q.contains("FROM Call2_vod__c") && !q.contains("IsDeleted"))
                .reduce((x, y) -> y).orElseThrow();
        assertThat(resumedFrom).doesNotContain("1970-01-01");
        org.pageSize(2000);

        // outbound: insights arrive on the accounts, never on the opted-out one; a refused record is dead-lettered
        String refused = ids.get(1);
        org.rejects.put(refused, "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        int parkedBefore = deadLetters.count("crm-veeva-outbound-record-push");
        OutboundSync.Report push = routes.requestBody("direct:crm-veeva-outbound-tenant", TENANT,
                OutboundSync.Report.class);
        assertThat(push.optedOut()).isEqualTo(1);
        assertThat(push.failures()).hasSize(1);
        assertThat(org.get("Account", a1)).containsKeys("NL2Q_Insights__c", "Prescribing_Trend__c",
                "Recommended_Message__c", "Last_Analysis_Date__c");
        assertThat(org.get("Account", optedOut)).doesNotContainKey("NL2Q_Insights__c");
        assertThat(org.get("Account", refused)).doesNotContainKey("NL2Q_Insights__c");
        assertThat(deadLetters.count("crm-veeva-outbound-record-push")).isEqualTo(parkedBefore + 1);
        assertThat(deadLetters.list("crm-veeva-outbound-record-push", 1).get(0).causeMessage())
                .startsWith("FIELD_CUSTOM_VALIDATION_EXCEPTION");

        // unchanged insights are not pushed again; the refused one is retried at the next run
        org.rejects.clear();
        int calls = org.apiCalls.get();
        OutboundSync.Report again = routes.requestBody("direct:crm-veeva-outbound-tenant", TENANT,
                OutboundSync.Report.class);
        assertThat(again.unchanged()).isEqualTo(push.accepted());
        assertThat(again.accepted()).isEqualTo(1);
        // the org's opt-outs read right before writing, and the one record
        assertThat(org.apiCalls.get() - calls).isEqualTo(2);
        assertThat(org.get("Account", refused)).containsKey("NL2Q_Insights__c");

        // a watermark older than Salesforce's deletion retention: full key reconciliation
        org.delete("Account", newcomer);
        appState.update("UPDATE crm_watermark SET watermark = ? WHERE tenant_id = ? AND object_key LIKE '%#deleted'",
                Timestamp.from(Instant.now().minus(Duration.ofDays(20))), TENANT);
        org.soql.clear();
        SyncReport reconcile = pull();
        assertThat(reconcile.mode()).isEqualTo("reconcile");
        assertThat(org.soql).anyMatch(q -> q.equals("SELECT Id FROM Account WHERE IsPersonAccount = true"));
        assertThat(warehouse().queryForObject("SELECT COUNT(*) FROM initrode.hcp WHERE crm_account_id = ?",
                Integer.class, newcomer)).isZero();
    }
}
