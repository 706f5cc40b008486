package io.nl2q.hub.crm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.crm.*}: which tenants are connected to a Veeva org and how, how the sync paces itself, how CRM fields map
 * to warehouse columns, and the embedded widget's link and framing rules.
 *
 * @param orgs   per tenant id, the Salesforce org it syncs with; a tenant without an entry is not synced
 * @param sync   paging, thresholds and the limits governor
 * @param mapping CRM objects and fields to warehouse columns (CRM is master for the identity fields)
 * @param widget the signed links and CSP framing of the HCP widget
 * @param cdc    near-real-time Change Data Capture over the Streaming API (CometD long polling)
 */
@ConfigurationProperties("hub.crm")
record CrmProperties(Map<String, Org> orgs, @DefaultValue Sync sync, @DefaultValue Mapping mapping,
                     @DefaultValue Widget widget, @DefaultValue Cdc cdc) {
    CrmProperties {
        orgs = orgs == null ? Map.of() : Map.copyOf(orgs);
    }

    /**
     * @param flow        {@code password} (username-password) or {@code jwt} (JWT bearer, private key in PEM PKCS#8)
     * @param loginUrl    https://login.salesforce.com, https://test.salesforce.com or a My Domain
     * @param apiVersion  REST API version used for every call
     */
    record Org(@DefaultValue("password") String flow, String loginUrl, String clientId, String clientSecret,
               String username, String password, String privateKey, @DefaultValue("v60.0") String apiVersion) {
    }

    /**
     * @param queryBatchSize      records per REST query page (Sforce-Query-Options batchSize, 200..2000)
     * @param bulkResultPageSize  records per Bulk 2.0 query results page (maxRecords)
     * @param bulkPollInterval    how often a Bulk 2.0 job's state is polled
     * @param bulkTimeout         a Bulk 2.0 job not done by then fails the sync (it resumes at the next run)
     * @param collectionsMax      insights to push at most through sObject Collections; more go through Bulk 2.0 ingest
     * @param pauseAt             share of the daily API allocation at which all work for the org pauses
     * @param maxLongRequests     concurrent long requests (queries, Bulk jobs) per org at most
     * @param deletionRetention   how long Salesforce keeps deleted rows for queryAll; an older watermark means a full
     *                            key reconciliation
     * @param limitsRecheck       a paused org's limits resource is read again after this long (usage is a rolling
     *                            24-hour count: it goes down again), so a pause ends once the usage has
     * @param collectionSize      records per sObject Collections call (Salesforce: at most 200); smaller chunks lock
     *                            fewer rows at once where UNABLE_TO_LOCK_ROW is frequent
     */
    record Sync(@DefaultValue("2000") int queryBatchSize, @DefaultValue("50000") int bulkResultPageSize,
                @DefaultValue("2s") Duration bulkPollInterval, @DefaultValue("30m") Duration bulkTimeout,
                @DefaultValue("2000") int collectionsMax, @DefaultValue("0.8") double pauseAt,
                @DefaultValue("10") int maxLongRequests, @DefaultValue("15d") Duration deletionRetention,
                @DefaultValue("Id") String externalIdField, @DefaultValue("5m") Duration limitsRecheck,
                @DefaultValue("200") int collectionSize) {
        Sync {
            collectionSize = Math.max(1, Math.min(200, collectionSize));
        }
    }

    /** Warehouse column name to CRM field name, per object. */
    record Mapping(@DefaultValue Accounts account, @DefaultValue Calls call) {
    }

    /**
     * @param where     SOQL condition selecting HCP accounts among all accounts
     * @param territory the Account field naming its territories: a warehouse territory id or name, or Veeva's
     *                  {@code ;Name one;Name two;} list (the first known one wins)
     * @param territoryDefault territory of an HCP first seen in the CRM whose territory field is empty or unknown
     */
    record Accounts(@DefaultValue("Account") String object, @DefaultValue("IsPersonAccount = true") String where,
                    @DefaultValue("FirstName") String firstName, @DefaultValue("LastName") String lastName,
                    @DefaultValue("NPI_vod__c") String npi, @DefaultValue("Specialty_1_vod__c") String specialty,
                    @DefaultValue("Territory_vod__c") String territory, @DefaultValue("T01") String territoryDefault,
                    @DefaultValue("PDRP_Opt_Out_vod__c") String optOut) {
        List<String> fields() {
            return List.of("Id", firstName, lastName, npi, specialty, territory, optOut, "SystemModstamp");
        }
    }

    /**
     * @param status    the call's state; only calls in {@code submitted} happened (a saved call is a draft, and one
     *                  that leaves the submitted state leaves the warehouse too)
     */
    record Calls(@DefaultValue("Call2_vod__c") String object, @DefaultValue("Account_vod__c") String account,
                 @DefaultValue("Call_Date_vod__c") String date, @DefaultValue("Call_Channel_vod__c") String channel,
                 @DefaultValue("Duration_vod__c") String duration,
                 @DefaultValue("Detailed_Products_vod__c") String products,
                 @DefaultValue("P01") String productDefault, @DefaultValue("Status_vod__c") String status,
                 @DefaultValue("Submitted_vod") String submitted) {
        List<String> fields() {
            return List.of("Id", account, date, channel, duration, products, status, "SystemModstamp");
        }

        boolean isSubmitted(java.util.Map<String, String> record) {
            return submitted.equals(record.get(status));
        }
    }

    /**
     * @param secret         HMAC key of the signed links (from the environment; the dev default is refused in prod)
     * @param linkTtl        how long a signed link opens the widget
     * @param frameAncestors origins allowed to frame the widget (CSP frame-ancestors), e.g. https://*.force.com
     */
    record Widget(@DefaultValue("dev-only-widget-secret-change-me") String secret, @DefaultValue("15m") Duration linkTtl,
                  @DefaultValue({"https://*.force.com", "https://*.salesforce.com", "https://*.veevavault.com"})
                  List<String> frameAncestors) {
    }

    /**
     * @param enabled   starts a CometD listener per connected tenant (route crm-veeva-cdc); off by default
     * @param channels  change event channels subscribed to; the entity of each event picks the mapping
     * @param retryDelay wait before reconnecting after a transport failure (the org unreachable, a 5xx)
     */
    record Cdc(@DefaultValue("false") boolean enabled,
               @DefaultValue({"/data/AccountChangeEvent", "/data/Call2_vod__ChangeEvent"}) List<String> channels,
               @DefaultValue("5s") Duration retryDelay) {
        Cdc {
            channels = List.copyOf(channels);
        }
    }
}
