package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubTest;
import io.nl2q.hub.ops.DeadLetter;
import io.nl2q.hub.ops.DeadLetterReplayer;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbound pull against an org that behaves as Salesforce and Veeva do where the first version went wrong: HCPs
 * holding CRM ids the org no longer has (C4), saved calls (C5), territory names (C6), many changes within a second
 * (C8), a pause part-way (C9), and stale rows removed by set on a first load.
 */
@HubTest
class CrmInboundCorrectnessTest {
    private static final String TENANT = InitrodeFixture.TENANT;
    @Autowired
    ProducerTemplate routes;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    SyncState state;
    @Autowired
    PendingCalls pending;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    DeadLetterReplayer replayer;

    private final FakeSalesforce org = SharedFakeSalesforce.get();
    private long npis = 1_700_000_000L + System.currentTimeMillis() % 90_000_000L;

    private JdbcTemplate warehouse() {
        return new JdbcTemplate(warehouses.forTenant(TENANT).writer());
    }

    private SyncReport pull() {
        return routes.requestBody("direct:crm-veeva-inbound-tenant", TENANT, SyncReport.class);
    }

    private String call(String accountId, String status) {
        return org.put("Call2_vod__c", null, Map.of("Account_vod__c", accountId, "Call_Date_vod__c", "2025-12-01",
                "Call_Channel_vod__c", "Face_to_face_vod", "Duration_vod__c", 15, "Detailed_Products_vod__c",
                "Tirosint", "Status_vod__c", status));
    }

    private String newAccount(String territory) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("FirstName", "Pat");
        a.put("LastName", "Newcomer" + npis % 1000);
        a.put("NPI_vod__c", String.valueOf(npis++));
        a.put("Specialty_1_vod__c", "Endocrinology");
        a.put("Territory_vod__c", territory);
        a.put("PDRP_Opt_Out_vod__c", false);
        return org.put("Account", null, a);
    }

    private List<String> loadedCalls() {
        return warehouse().queryForList("SELECT crm_call_id FROM initrode.call_activity WHERE crm_call_id IS NOT NULL",
                String.class);
    }

    @Test
    void staleCrmIdsAreRelinkedAndLiveDuplicatesParkedWithTheirCallsKept() {
        JdbcTemplate warehouse = InitrodeFixture.freshStart(org, state, warehouses);
        List<Map<String, Object>> hcps = InitrodeFixture.promotedHcps(warehouse, 3);
        // the warehouse's HCPs hold CRM ids; the org has given two of them new accounts (a merge, a re-creation)
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = org.newId("Account");
            stale.add(id);
            warehouse.update("UPDATE initrode.hcp SET crm_account_id = ? WHERE hcp_id = ?", id, hcps.get(i).get("hcp_id"));
        }
        String renewed0 = org.put("Account", null, InitrodeFixture.account(hcps.get(0)));
        String renewed1 = org.put("Account", null, InitrodeFixture.account(hcps.get(1)));
        // the third HCP's account is live, and a second live account carries its NPI: a duplicate in the CRM
        org.put("Account", stale.get(2), InitrodeFixture.account(hcps.get(2)));
        String duplicate = org.put("Account", null, InitrodeFixture.account(hcps.get(2)));
        List<String> renewedCalls = List.of(call(renewed0, "Submitted_vod"), call(renewed0, "Submitted_vod"),
                call(renewed1, "Submitted_vod"));
        List<String> duplicateCalls = List.of(call(duplicate, "Submitted_vod"), call(duplicate, "Submitted_vod"));
        int parkedBefore = deadLetters.count("crm-veeva-inbound-conflict-park");

        SyncReport first = pull();

        assertThat(first.relinkedAccounts()).isEqualTo(2);
        assertThat(warehouse.queryForObject("SELECT crm_account_id FROM initrode.hcp WHERE hcp_id = ?", String.class,
                hcps.get(0).get("hcp_id"))).isEqualTo(renewed0);
        assertThat(loadedCalls()).containsExactlyInAnyOrderElementsOf(renewedCalls);
        assertThat(first.parkedAccounts()).isEqualTo(1);
        assertThat(first.pendingCalls()).isEqualTo(2);
        assertThat(deadLetters.count("crm-veeva-inbound-conflict-park")).isEqualTo(parkedBefore + 1);
        DeadLetter parked = deadLetters.list("crm-veeva-inbound-conflict-park", 1).get(0);
        assertThat(parked.tenantId()).isEqualTo(TENANT);
        assertThat(parked.replayUri()).isEqualTo("direct:crm-veeva-inbound-account");
        assertThat(parked.causeMessage()).startsWith("DUPLICATE_NPI").contains(duplicate, stale.get(2));

        // the calls wait; the watermark moved past them only because they are kept
        assertThat(pull().pendingCalls()).isEqualTo(2);
        assertThat(loadedCalls()).doesNotContainAnyElementsOf(duplicateCalls);

        // the operator merges the two accounts in the CRM (the loser is deleted) and replays the entry
        org.delete("Account", stale.get(2));
        replayer.replay(parked.id());
        assertThat(warehouse.queryForObject("SELECT crm_account_id FROM initrode.hcp WHERE hcp_id = ?", String.class,
                hcps.get(2).get("hcp_id"))).isEqualTo(duplicate);
        assertThat(loadedCalls()).containsAll(duplicateCalls);
        assertThat(pending.count(TENANT)).isZero();
    }

    @Test
    void onlySubmittedCallsLoadAndTerritoriesAreMatchedByIdOrName() {
        InitrodeFixture.freshStart(org, state, warehouses);
        var territories = warehouse().queryForList("SELECT territory_id, territory_name FROM initrode.territory"
                + " ORDER BY territory_id");
        String byName = newAccount(";" + territories.get(4).get("territory_name") + ";");
        String byId = newAccount(territories.get(6).get("territory_id").toString());
        String unknown = newAccount(";Nowhere Special;");
        String submitted = call(byName, "Submitted_vod");
        String draft = call(byName, "Saved_vod");

        SyncReport first = pull();

        assertThat(territory(byName)).isEqualTo(territories.get(4).get("territory_id"));
        assertThat(territory(byId)).isEqualTo(territories.get(6).get("territory_id"));
        assertThat(territory(unknown)).isEqualTo("T01");
        assertThat(loadedCalls()).containsExactly(submitted);
        assertThat(first.unsubmittedCalls()).isEqualTo(1);

        // the draft is submitted later; a submitted call taken back to a draft leaves the warehouse
        org.put("Call2_vod__c", draft, Map.of("Status_vod__c", "Submitted_vod"));
        org.put("Call2_vod__c", submitted, Map.of("Status_vod__c", "Saved_vod"));
        SyncReport second = pull();
        assertThat(loadedCalls()).containsExactly(draft);
        assertThat(second.deletedCalls()).isEqualTo(1);
    }

    private Object territory(String crmId) {
        return warehouse().queryForObject("SELECT territory_id FROM initrode.hcp WHERE crm_account_id = ?",
                String.class, crmId);
    }

    @Test
    void aPausedPullReportsWhatItAppliedAndNoRunReadsARecordTwice() {
        InitrodeFixture.freshStart(org, state, warehouses);
        newAccount("T02");
        assertThat(pull().mode()).isEqualTo("first-load");
        pull(); // reads the records at the first load's newest stamp once more: a Bulk export comes in no order
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changed.add(newAccount("T03")); // ten changes within a few milliseconds
        }
        org.pageSize(2);
        // limits, account deletions, three pages of changes: the org is then at 80 % and the fourth page waits
        org.dailyMax.set(1000);
        org.dailyUsed.set(795);

        SyncReport paused = pull();

        assertThat(paused.mode()).isEqualTo("paused");
        assertThat(paused.accounts()).as("C9: what was applied before the pause").isEqualTo(6);
        assertThat(paused.message()).contains("800 of 1000");
        org.dailyUsed.set(100); // the rolling 24 hours moved on
        int served = org.recordsServed.get();
        SyncReport resumed = pull();
        assertThat(resumed.mode()).isEqualTo("incremental");
        assertThat(resumed.accounts()).isEqualTo(4);
        assertThat(org.recordsServed.get() - served).as("C8: the six applied are not read again").isEqualTo(4);
        served = org.recordsServed.get();
        assertThat(pull().accounts()).isZero();
        assertThat(org.recordsServed.get() - served).isZero();
        org.pageSize(2000);
    }

    @Test
    void aFirstLoadRemovesStaleRowsBySet() {
        JdbcTemplate warehouse = InitrodeFixture.freshStart(org, state, warehouses);
        String hcp = (String) InitrodeFixture.promotedHcps(warehouse, 1).get(0).get("hcp_id");
        // calls of an earlier org: CRM ids this org does not have
        warehouse.update("INSERT INTO initrode.call_activity (call_id, call_date, hcp_id, territory_id, product_id,"
                + " channel, duration_min, crm_call_id) SELECT 'Sa04ST' || LPAD(CAST(r.range AS VARCHAR), 10, '0'),"
                + " DATE '2025-01-02', h.hcp_id, h.territory_id, 'P01', 'Phone', 5, 'a04ST' || LPAD(CAST(r.range AS"
                + " VARCHAR), 10, '0') || 'AAA' FROM range(3000) r, initrode.hcp h WHERE h.hcp_id = ?", hcp);
        SyncReport first = pull();
        assertThat(first.deletedCalls()).isGreaterThanOrEqualTo(3000);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM initrode.call_activity WHERE crm_call_id LIKE"
                + " 'a04ST%'", Integer.class)).isZero();
    }
}
