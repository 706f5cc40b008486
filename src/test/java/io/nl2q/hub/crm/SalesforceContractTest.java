package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Salesforce adapter against the WireMock stub of the documented REST API, call for call. */
class SalesforceContractTest {
    private static final CrmAdapter.Position EPOCH = new CrmAdapter.Position(Instant.EPOCH, null);
    private static FakeSalesforce org;
    private SimpleMeterRegistry meters;
    private LimitsGovernor governor;

    @BeforeAll
    static void start() {
        org = new FakeSalesforce(0);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.reset();
        meters = new SimpleMeterRegistry();
    }

    private final MovableClock clock = new MovableClock();

    /** The governor's time, moved by the tests. */
    private static final class MovableClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private SalesforceAdapter adapter(CrmProperties.Org connection, int collectionsMax, int bulkPage, double pauseAt) {
        CrmProperties p = CrmTestConfig.properties("acme", connection, collectionsMax, bulkPage, pauseAt);
        governor = new LimitsGovernor(p, meters, clock);
        return new SalesforceAdapter(new SalesforceClient("acme", connection, 2000, governor, new ObjectMapper()),
                governor, p.sync());
    }

    private SalesforceAdapter adapter() {
        return adapter(CrmTestConfig.passwordOrg(org.url()), 2000, 50_000, 0.8);
    }

    private void accounts(int n) {
        for (int i = 0; i < n; i++) {
            org.put("Account", null, Map.of("FirstName", "Ann" + i, "LastName", "Lee", "NPI_vod__c", "99000000" + i));
        }
    }

    @Test
    void queryPagesThroughNextRecordsUrlOldestFirst() {
        accounts(5);
        org.pageSize(2);
        List<CrmAdapter.Page> pages = new ArrayList<>();
        adapter().changedSince("Account", List.of("Id", "FirstName", "SystemModstamp"), "IsPersonAccount = true",
                new CrmAdapter.Position(Instant.EPOCH, null), pages::add);
        assertThat(pages).hasSize(3);
        assertThat(pages.stream().mapToInt(p -> p.records().size()).sum()).isEqualTo(5);
        assertThat(pages.get(0).records().get(0)).containsEntry("FirstName", "Ann0").containsKey("SystemModstamp");
        assertThat(org.apiCalls.get()).isEqualTo(3);
        assertThat(org.soql.get(0)).isEqualTo("SELECT Id, FirstName, SystemModstamp FROM Account WHERE"
                + " IsPersonAccount = true AND SystemModstamp >= 1970-01-01T00:00:00.000Z ORDER BY SystemModstamp ASC, Id ASC");
        assertThat(meters.counter("hub.crm.api.calls", "tenant", "acme").count()).isEqualTo(3.0);
    }

    @Test
    void queryAllReturnsDeletedRowsThatQueryNoLongerSees() {
        accounts(3);
        String gone = org.newId("Account");
        org.put("Account", gone, Map.of("FirstName", "Gone"));
        org.delete("Account", gone);
        List<String> deleted = new ArrayList<>();
        SalesforceAdapter crm = adapter();
        crm.deletedSince("Account", Instant.EPOCH, p -> p.records().forEach(r -> deleted.add(r.get("Id"))));
        List<String> live = new ArrayList<>();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH,
                p -> p.records().forEach(r -> live.add(r.get("Id"))));
        assertThat(deleted).containsExactly(gone);
        assertThat(live).hasSize(3).doesNotContain(gone);
    }

    @Test
    void jwtBearerFlowSignsInAndReadsTheLimits() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        var jwt = new CrmProperties.Org("jwt", org.url(), "consumer-key", null, "hub-user@acme.example", null, pem,
                "v60.0");
        org.dailyUsed.set(1200);
        org.dailyMax.set(15000);
        CrmAdapter.ApiUsage usage = adapter(jwt, 2000, 50_000, 0.8).usage();
        assertThat(usage.max()).isEqualTo(15000);
        assertThat(usage.used()).isBetween(1200L, 1201L);
        assertThat(org.logins.get()).isEqualTo(1);
    }

    @Test
    void expiredSessionIsRefreshedOnceAndTheCallRepeated() {
        accounts(1);
        SalesforceAdapter crm = adapter();
        crm.usage();
        org.expireSessions();
        List<CrmAdapter.Page> pages = new ArrayList<>();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH, pages::add);
        assertThat(pages.get(0).records()).hasSize(1);
        assertThat(org.logins.get()).isEqualTo(2);
    }

    @Test
    void collectionsUpsert200AtATimeAndReportPerRecordFailures() {
        List<Map<String, String>> records = insights(450);
        org.rejects.put(records.get(7).get("Id"), "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        org.rejects.put(records.get(301).get("Id"), "UNABLE_TO_LOCK_ROW");
        CrmAdapter.PushResult result = adapter().push("Account", "Id", records);
        assertThat(result.apiCalls()).isEqualTo(3);
        assertThat(org.apiCalls.get()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(448);
        assertThat(result.failed()).hasSize(2);
        assertThat(result.failed().get(records.get(7).get("Id")).code()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(org.get("Account", records.get(8).get("Id"))).containsEntry("Prescribing_Trend__c", "Growing");
    }

    @Test
    void bulkIngestBeyondTheThresholdUsesAHandfulOfCalls() {
        List<Map<String, String>> records = insights(10_000);
        org.rejects.put(records.get(42).get("Id"), "INVALID_CROSS_REFERENCE_KEY");
        CrmAdapter.PushResult result = adapter(CrmTestConfig.passwordOrg(org.url()), 2000, 50_000, 0.8)
                .push("Account", "Id", records);
        assertThat(result.apiCalls()).isLessThanOrEqualTo(10);
        assertThat(org.apiCalls.get()).isLessThanOrEqualTo(10);
        assertThat(result.accepted()).isEqualTo(9_999);
        assertThat(result.failed()).containsOnlyKeys(records.get(42).get("Id"));
        assertThat(result.failed().values().iterator().next().code()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(org.get("Account", records.get(9_999).get("Id"))).containsEntry("Recommended_Message__c", "Call");
    }

    @Test
    void bulkQueryJobPagesCsvResultsByLocator() {
        accounts(7);
        List<CrmAdapter.Page> pages = new ArrayList<>();
        adapter(CrmTestConfig.passwordOrg(org.url()), 2000, 3, 0.8).extractAll("Account",
                List.of("Id", "FirstName", "NPI_vod__c", "SystemModstamp"), null, pages::add);
        assertThat(pages).extracting(p -> p.records().size()).containsExactly(3, 3, 1);
        assertThat(pages.get(2).records().get(0)).containsEntry("FirstName", "Ann6");
        // create, poll until complete (2), 3 result pages
        assertThat(org.apiCalls.get()).isEqualTo(6);
    }

    @Test
    void requestLimitExceededStopsTheOrgUntilTheNextRun() {
        org.dailyMax.set(100);
        org.dailyUsed.set(100);
        SalesforceAdapter crm = adapter(CrmTestConfig.passwordOrg(org.url()), 2000, 50_000, 1.0);
        assertThatThrownBy(crm::usage).isInstanceOfSatisfying(SalesforceApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED"));
        int calls = org.apiCalls.get();
        assertThatThrownBy(crm::usage).isInstanceOf(ApiLimitPause.class);
        assertThat(org.apiCalls.get()).isEqualTo(calls);
    }

    @Test
    void governorPausesAtEightyPercentOfTheDailyAllocation() {
        accounts(1);
        org.dailyMax.set(100);
        org.dailyUsed.set(78);
        SalesforceAdapter crm = adapter();
        crm.usage();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH, p -> { });
        int calls = org.apiCalls.get();
        assertThatThrownBy(() -> crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH,
                p -> { })).isInstanceOf(ApiLimitPause.class).hasMessageContaining("80 of 100");
        assertThat(org.apiCalls.get()).isEqualTo(calls);
        assertThat(meters.get("hub.crm.api.daily.used").tag("tenant", "acme").gauge().value()).isEqualTo(80.0);
    }

    @Test
    void aPauseEndsOnceTheRollingUsageHasGoneDown() {
        // C1: once paused, the governor refused even the limits resource, so a reset never ended the pause
        accounts(1);
        org.dailyMax.set(15_000);
        org.dailyUsed.set(11_998);
        SalesforceAdapter crm = adapter();
        crm.usage();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH, p -> { });
        assertThatThrownBy(() -> crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH, p -> { }))
                .isInstanceOf(ApiLimitPause.class).hasMessageContaining("12000 of 15000");
        org.dailyUsed.set(300); // Salesforce counts over a rolling 24 hours: the usage went down again
        int calls = org.apiCalls.get();
        assertThatThrownBy(crm::usage).as("before the recheck time, nothing is asked").isInstanceOf(ApiLimitPause.class);
        assertThat(org.apiCalls.get()).isEqualTo(calls);
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(crm.usage().used()).isBetween(300L, 301L);
        List<CrmAdapter.Page> pages = new ArrayList<>();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH, pages::add);
        assertThat(pages.get(0).records()).hasSize(1);
    }

    @Test
    void aPauseStillDueAtTheRecheckReadsTheLimitsOncePerInterval() {
        org.dailyMax.set(100);
        org.dailyUsed.set(90);
        SalesforceAdapter crm = adapter();
        crm.usage();
        assertThatThrownBy(() -> crm.changedSince("Account", List.of("Id"), null, EPOCH, p -> { }))
                .isInstanceOf(ApiLimitPause.class);
        clock.advance(java.time.Duration.ofMinutes(5));
        int calls = org.apiCalls.get();
        crm.usage(); // still 91 of 100: paused on
        assertThatThrownBy(crm::usage).isInstanceOf(ApiLimitPause.class);
        assertThatThrownBy(() -> crm.changedSince("Account", List.of("Id"), null, EPOCH, p -> { }))
                .isInstanceOf(ApiLimitPause.class);
        assertThat(org.apiCalls.get()).isEqualTo(calls + 1);
    }

    @Test
    void readsStrictlyAfterTheWatermarkAtMillisecondPrecision() {
        // C8: five changes within one second; a watermark cut to the second read all five again on every run
        accounts(5);
        SalesforceAdapter crm = adapter();
        List<Map<String, String>> all = new ArrayList<>();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, EPOCH, p -> all.addAll(p.records()));
        Map<String, String> third = all.get(2);
        var stamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
        var mark = new CrmAdapter.Position(java.time.OffsetDateTime.parse(third.get("SystemModstamp"), stamp)
                .toInstant(), third.get("Id"));
        List<String> after = new ArrayList<>();
        crm.changedSince("Account", List.of("Id", "SystemModstamp"), null, mark,
                p -> p.records().forEach(r -> after.add(r.get("Id"))));
        assertThat(after).containsExactly(all.get(3).get("Id"), all.get(4).get("Id"));
        assertThat(org.soql.get(org.soql.size() - 1)).matches(".*SystemModstamp > \\S+\\.\\d{3}Z OR \\(SystemModstamp"
                + " = \\S+\\.\\d{3}Z AND Id > '" + third.get("Id") + "'\\).*");
    }

    @Test
    void aNullValueClearsTheFieldThroughCollectionsAndBulk() {
        List<Map<String, String>> records = insights(2);
        adapter().push("Account", "Id", records);
        for (int collectionsMax : new int[] {2000, 0}) {
            String id = records.get(collectionsMax == 0 ? 1 : 0).get("Id");
            Map<String, String> clear = new LinkedHashMap<>();
            clear.put("Id", id);
            clear.put("NL2Q_Insights__c", null);
            CrmAdapter.PushResult result = adapter(CrmTestConfig.passwordOrg(org.url()), collectionsMax, 50_000, 0.8)
                    .push("Account", "Id", List.of(clear));
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(org.get("Account", id)).doesNotContainKey("NL2Q_Insights__c")
                    .containsEntry("Prescribing_Trend__c", "Growing");
        }
    }

    private List<Map<String, String>> insights(int n) {
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("Id", org.newId("Account"));
            r.put("NL2Q_Insights__c", "TRx \"up\", 12%");
            r.put("Prescribing_Trend__c", "Growing");
            r.put("Recommended_Message__c", "Call");
            r.put("Last_Analysis_Date__c", "2026-01-05");
            records.add(r);
        }
        return records;
    }
}
