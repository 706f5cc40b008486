package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The outbound push of one tenant (route crm-veeva-outbound): computes every HCP's insight, skips HCPs who opted out
 * of prescriber-data use and insights the CRM already holds (content hash), and upserts the rest to the Account's
 * insight fields. Records the CRM refused come back as JSON for the route to retry one by one, then dead-letter with
 * the Salesforce error code.
 */
@Component("crmOutbound")
public class OutboundSync {
    static final String INSIGHTS = "NL2Q_Insights__c";
    static final String TREND = "Prescribing_Trend__c";
    static final String MESSAGE = "Recommended_Message__c";
    static final String ANALYSIS_DATE = "Last_Analysis_Date__c";
    private static final TypeReference<Map<String, String>> RECORD = new TypeReference<>() { };
    private final CrmAdapters adapters;
    private final InsightAnalysis analysis;
    private final SyncState state;
    private final CrmProperties properties;
    private final LimitsGovernor governor;
    private final ObjectMapper json;

    OutboundSync(CrmAdapters adapters, InsightAnalysis analysis, SyncState state, CrmProperties properties,
                 LimitsGovernor governor, ObjectMapper json) {
        this.adapters = adapters;
        this.analysis = analysis;
        this.state = state;
        this.properties = properties;
        this.governor = governor;
        this.json = json;
    }

    /**
     * @param failures one JSON object per refused record: its fields plus {@code hubErrorCode}, {@code hubContentHash}
     */
    public record Report(String tenant, int computed, int optedOut, int unchanged, int accepted, List<String> failures,
                         long apiCalls) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    public Report push(String tenant) {
        long before = governor.calls(tenant);
        List<Insight> insights = analysis.analyse(tenant);
        Set<String> optedOut = state.optedOut(tenant);
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        int skippedOptOut = 0;
        int unchanged = 0;
        for (Insight insight : insights) {
            if (optedOut.contains(insight.crmAccountId())) {
                skippedOptOut++;
                continue;
            }
            if (!state.saveInsight(tenant, insight)) {
                unchanged++;
                continue;
            }
            records.add(record(insight));
            hashes.put(insight.crmAccountId(), insight.contentHash());
        }
        List<String> failures = new ArrayList<>();
        if (!records.isEmpty()) {
            String key = properties.sync().externalIdField();
            CrmAdapter.PushResult result = adapters.forTenant(tenant).push(properties.mapping().account().object(), key,
                    records);
            for (Map<String, String> r : records) {
                String id = r.get(key);
                CrmAdapter.Failure failure = result.failed().get(id);
                if (failure == null) {
                    state.pushed(tenant, id, hashes.get(id));
                } else {
                    Map<String, String> parked = new LinkedHashMap<>(r);
                    parked.put("hubErrorCode", failure.code());
                    parked.put("hubContentHash", hashes.get(id));
                    failures.add(write(parked));
                }
            }
        }
        return new Report(tenant, insights.size(), skippedOptOut, unchanged, records.size() - failures.size(),
                failures, governor.calls(tenant) - before);
    }

    /** Pushes one refused record again; throws with the Salesforce error code when the CRM still refuses it. */
    public void pushOne(String tenant, String recordJson) {
        Map<String, String> record = read(recordJson);
        String hash = record.remove("hubContentHash");
        record.remove("hubErrorCode");
        String key = properties.sync().externalIdField();
        String id = record.get(key);
        if (state.optedOut(tenant).contains(id)) {
            return;
        }
        CrmAdapter.PushResult result = adapters.forTenant(tenant).push(properties.mapping().account().object(), key,
                List.of(record));
        CrmAdapter.Failure failure = result.failed().get(id);
        if (failure != null) {
            throw new CrmRecordRejected(failure.code(), failure.message(), id);
        }
        state.pushed(tenant, id, hash);
    }

    private static Map<String, String> record(Insight insight) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("Id", insight.crmAccountId());
        r.put(INSIGHTS, insight.summary());
        r.put(TREND, insight.trend());
        r.put(MESSAGE, insight.message());
        r.put(ANALYSIS_DATE, LocalDate.now(ZoneOffset.UTC).toString());
        return r;
    }

    private String write(Map<String, String> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return new LinkedHashMap<>(json.readValue(text, RECORD));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a parked CRM record", e);
        }
    }

    /** The CRM refused a record; the message starts with the Salesforce error code, as the dead-letter store shows. */
    static final class CrmRecordRejected extends RuntimeException {
        CrmRecordRejected(String code, String message, String id) {
            super(code + ": " + message + " (record " + id + ")");
        }
    }
}
