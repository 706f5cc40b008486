package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.errors.PermanentFailure;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The outbound push of one tenant (route crm-veeva-outbound): computes every HCP's insight, asks the org which
 * accounts are opted out of prescriber-data use right before writing (a pull's flags may be hours old), clears the
 * insight fields of opted-out accounts that still show one, skips insights the CRM already holds (content hash), and
 * upserts the rest by Id, chunk by chunk with each chunk's outcome recorded at once: a run cut short (an API limit
 * pause) is parked, and its replay or the next run writes only what was not accepted yet. Records the CRM refused
 * come back as JSON for the route to retry one by one, then dead-letter with the Salesforce error code.
 */
@Component("outboundSync")
public class OutboundSync {
    static final String INSIGHTS = "NL2Q_Insights__c";
    static final String TREND = "Prescribing_Trend__c";
    static final String MESSAGE = "Recommended_Message__c";
    static final String ANALYSIS_DATE = "Last_Analysis_Date__c";
    private static final TypeReference<Map<String, String>> RECORD = new TypeReference<>() { };
    private final CrmAdapters adapters;
    private final InsightAnalysis analysis;
    private final SyncState state;
    private final CrmRuns runs;
    private final CrmProperties properties;
    private final LimitsGovernor governor;
    private final ObjectMapper json;

    OutboundSync(CrmAdapters adapters, InsightAnalysis analysis, SyncState state, CrmRuns runs,
                 CrmProperties properties, LimitsGovernor governor, ObjectMapper json) {
        this.adapters = adapters;
        this.analysis = analysis;
        this.state = state;
        this.runs = runs;
        this.properties = properties;
        this.governor = governor;
        this.json = json;
    }

    /**
     * @param optedOut opted-out accounts skipped; {@code cleared} of them had an insight removed from the CRM
     * @param failures one JSON object per refused record: its fields plus {@code hubErrorCode}, {@code hubContentHash}
     */
    public record Report(String tenant, int computed, int optedOut, int cleared, int unchanged, int accepted,
                         List<String> failures, long apiCalls, String message) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    private static final class Progress {
        int computed;
        int optedOut;
        int cleared;
        int unchanged;
        int accepted;
        final List<String> failures = new ArrayList<>();

        Report report(String tenant, long apiCalls, String message) {
            return new Report(tenant, computed, optedOut, cleared, unchanged, accepted, failures, apiCalls, message);
        }
    }

    public Report push(String tenant) {
        return push(tenant, null);
    }

    public Report push(String tenant, Long runId) {
        long before = governor.calls(tenant);
        Progress p = new Progress();
        try {
            CrmAdapter crm = adapters.forTenant(tenant);
            if (governor.paused(tenant)) {
                crm.usage(); // the pause ends once the org's rolling usage went down
            }
            List<Insight> insights = analysis.analyse(tenant);
            p.computed = insights.size();
            Map<String, Boolean> optedOut = optedOutNow(crm);
            state.optedOutNow(tenant, optedOut.keySet());
            List<Map<String, String>> clears = new ArrayList<>();
            optedOut.forEach((id, showsInsight) -> {
                if (showsInsight) {
                    clears.add(clearing(id));
                }
            });
            write(tenant, crm, clears, Map.of(), p);
            List<Map<String, String>> records = new ArrayList<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Insight insight : insights) {
                if (optedOut.containsKey(insight.crmAccountId())) {
                    p.optedOut++;
                } else if (!state.saveInsight(tenant, insight)) {
                    p.unchanged++;
                } else {
                    records.add(record(insight));
                    hashes.put(insight.crmAccountId(), insight.contentHash());
                }
            }
            write(tenant, crm, records, hashes, p);
            Report report = p.report(tenant, governor.calls(tenant) - before, null);
            runs.finish(runId, "DONE", report, null);
            return report;
        } catch (ApiLimitPause e) {
            String message = e.getMessage() + "; " + p.accepted + " insights and " + p.cleared + " clearings were"
                    + " accepted before it, and are not written again";
            runs.finish(runId, "PAUSED", p.report(tenant, governor.calls(tenant) - before, message), message);
            throw new CrmPaused(message);
        } catch (RuntimeException e) {
            runs.finish(runId, "FAILED", p.report(tenant, governor.calls(tenant) - before, e.getMessage()),
                    e.getMessage());
            throw e;
        }
    }

    /** Pushes one refused record again; throws with the Salesforce error code when the CRM still refuses it. */
    public void pushOne(String tenant, String recordJson) {
        Map<String, String> record = read(recordJson);
        String hash = record.remove("hubContentHash");
        record.remove("hubErrorCode");
        boolean clear = record.remove("hubClear") != null;
        String key = properties.sync().externalIdField();
        String id = record.get(key);
        CrmProperties.Accounts a = properties.mapping().account();
        try {
            CrmAdapter crm = adapters.forTenant(tenant);
            boolean optedOut = crm.byIds(a.object(), List.of("Id", a.optOut()), null, List.of(id)).stream()
                    .anyMatch(r -> Boolean.parseBoolean(r.get(a.optOut())));
            if (optedOut && !clear) {
                record = clearing(id);
                clear = true;
            }
            CrmAdapter.Failure failure = crm.push(a.object(), key, List.of(record)).failed().get(id);
            if (failure != null) {
                throw new CrmRecordRejected(failure.code(), failure.message(), id);
            }
        } catch (ApiLimitPause e) {
            throw new CrmPaused(e.getMessage());
        }
        if (clear) {
            state.insightCleared(tenant, id);
        } else {
            state.pushed(tenant, id, hash);
        }
    }

    /** Opted-out accounts of the org now, each with whether it still shows an insight. */
    private Map<String, Boolean> optedOutNow(CrmAdapter crm) {
        CrmProperties.Accounts a = properties.mapping().account();
        Map<String, Boolean> optedOut = new LinkedHashMap<>();
        crm.select(a.object(), List.of("Id", INSIGHTS), (a.where() == null || a.where().isBlank() ? ""
                : a.where() + " AND ") + a.optOut() + " = true", page -> page.records()
                .forEach(r -> optedOut.put(r.get("Id"), r.get(INSIGHTS) != null)));
        return optedOut;
    }

    /**
     * Writes records in chunks (sObject Collections, collectionSize a call) or, past collectionsMax, one Bulk 2.0
     * job; each chunk's outcome is recorded before the next is sent.
     */
    private void write(String tenant, CrmAdapter crm, List<Map<String, String>> records, Map<String, String> hashes,
                       Progress p) {
        String object = properties.mapping().account().object();
        String key = properties.sync().externalIdField();
        int chunk = records.size() <= properties.sync().collectionsMax() ? properties.sync().collectionSize()
                : records.size();
        for (int from = 0; from < records.size(); from += chunk) {
            List<Map<String, String>> part = records.subList(from, Math.min(records.size(), from + chunk));
            CrmAdapter.PushResult result = crm.push(object, key, part);
            for (Map<String, String> r : part) {
                String id = r.get(key);
                CrmAdapter.Failure failure = result.failed().get(id);
                boolean clearing = !hashes.containsKey(id);
                if (failure == null && clearing) {
                    state.insightCleared(tenant, id);
                    p.cleared++;
                } else if (failure == null) {
                    state.pushed(tenant, id, hashes.get(id));
                    p.accepted++;
                } else {
                    Map<String, String> parked = new LinkedHashMap<>(r);
                    parked.put("hubErrorCode", failure.code());
                    if (clearing) {
                        parked.put("hubClear", "true");
                    } else {
                        parked.put("hubContentHash", hashes.get(id));
                    }
                    p.failures.add(write(parked));
                }
            }
        }
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

    /** The insight fields emptied: what an opted-out account must show. */
    private static Map<String, String> clearing(String id) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("Id", id);
        for (String field : Set.of(INSIGHTS, TREND, MESSAGE, ANALYSIS_DATE)) {
            r.put(field, null);
        }
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

    /** The org's API usage paused the push: retrying at once cannot help, so it is parked for a replay. */
    static final class CrmPaused extends PermanentFailure {
        CrmPaused(String message) {
            super(ErrorCode.RATE_LIMITED, Phase.DELIVER, message);
        }
    }
}
