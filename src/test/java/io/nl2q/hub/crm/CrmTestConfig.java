package io.nl2q.hub.crm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** CrmProperties for tests that build the adapter without Spring, with the documented defaults. */
final class CrmTestConfig {
    private CrmTestConfig() {
    }

    static CrmProperties.Org passwordOrg(String url) {
        return new CrmProperties.Org("password", url, "client-id", "client-secret", "hub-user@acme.example",
                "secret+token", null, "v60.0");
    }

    static CrmProperties properties(String tenant, CrmProperties.Org org, int collectionsMax, int bulkPage,
                                    double pauseAt) {
        var sync = new CrmProperties.Sync(2000, bulkPage, Duration.ofMillis(5), Duration.ofSeconds(30), collectionsMax,
                pauseAt, 4, Duration.ofDays(15), "Id", Duration.ofMinutes(5), 200);
        var mapping = new CrmProperties.Mapping(
                new CrmProperties.Accounts("Account", "IsPersonAccount = true", "FirstName", "LastName", "NPI_vod__c",
                        "Specialty_1_vod__c", "Territory_vod__c", "T01", "PDRP_Opt_Out_vod__c"),
                new CrmProperties.Calls("Call2_vod__c", "Account_vod__c", "Call_Date_vod__c", "Call_Channel_vod__c",
                        "Duration_vod__c", "Detailed_Products_vod__c", "P01", "Status_vod__c", "Submitted_vod"));
        return new CrmProperties(Map.of(tenant, org), sync, mapping,
                new CrmProperties.Widget("test-secret", Duration.ofMinutes(5), List.of("http://127.0.0.1:*")),
                new CrmProperties.Cdc(false, List.of("/data/AccountChangeEvent", "/data/Call2_vod__ChangeEvent"),
                        Duration.ofMillis(50)));
    }
}
