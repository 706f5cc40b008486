package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.PermanentFailure;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.events.HubEvents;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inbound pull of one tenant (route crm-veeva-inbound): accounts first (calls resolve their HCP through them),
 * then calls. Per object: a Bulk 2.0 export on the first load; afterwards pages of records changed after the
 * watermark (SystemModstamp and id, at full precision), each page committed to the warehouse before the watermark
 * moves past it; deletions from queryAll, or a full key reconciliation once the last deletion check is older than
 * Salesforce keeps deleted rows. No record is dropped unsaid: an account whose NPI an HCP linked to a vanished CRM id
 * holds is relinked, one whose NPI another live account holds is parked, calls of unknown accounts wait in
 * crm_pending_call, and calls that were not submitted stay out.
 */
@Component("inboundSync")
public class InboundSync {
    private static final Logger log = LoggerFactory.getLogger(InboundSync.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");
    private static final TypeReference<Map<String, String>> RECORD = new TypeReference<>() { };
    /** Deletion checks overlap by this much, so a clock difference between hub and org loses nothing. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);
    private final CrmAdapters adapters;
    private final WarehouseRegistry warehouses;
    private final WarehouseLoader loader;
    private final SyncState state;
    private final PendingCalls pending;
    private final AccountIntake accountIntake;
    private final CallIntake callIntake;
    private final CrmRuns runs;
    private final CrmProperties properties;
    private final LimitsGovernor governor;
    private final HubEvents hubEvents;
    private final ObjectMapper json;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    InboundSync(CrmAdapters adapters, WarehouseRegistry warehouses, WarehouseLoader loader, SyncState state,
                PendingCalls pending, AccountIntake accountIntake, CallIntake callIntake, CrmRuns runs,
                CrmProperties properties, LimitsGovernor governor, HubEvents hubEvents, ObjectMapper json) {
        this.adapters = adapters;
        this.warehouses = warehouses;
        this.loader = loader;
        this.state = state;
        this.pending = pending;
        this.accountIntake = accountIntake;
        this.callIntake = callIntake;
        this.runs = runs;
        this.properties = properties;
        this.governor = governor;
        this.hubEvents = hubEvents;
        this.json = json;
    }

    public SyncReport pull(String tenant) {
        return pull(tenant, null);
    }

    /** One run for the tenant, recorded as run {@code runId}; a run already in progress makes this one "busy". */
    public SyncReport pull(String tenant, Long runId) {
        ReentrantLock lock = running.computeIfAbsent(tenant, t -> new ReentrantLock());
        if (!lock.tryLock()) {
            SyncReport busy = SyncReport.busy(tenant);
            runs.finish(runId, "BUSY", busy, busy.message());
            return busy;
        }
        long callsBefore = governor.calls(tenant);
        SyncTally t = new SyncTally();
        SyncReport report;
        try {
            CrmAdapter crm = adapters.forTenant(tenant);
            TenantWarehouse warehouse = warehouses.forTenant(tenant);
            crm.usage();
            syncAccounts(tenant, crm, warehouse, t);
            callIntake.applyPending(tenant, warehouse, t);
            syncCalls(tenant, crm, warehouse, t);
            report = t.report(tenant, t.mode(), pending.count(tenant), governor.calls(tenant) - callsBefore, null);
            runs.finish(runId, "DONE", report, null);
        } catch (ApiLimitPause e) {
            log.warn(e.getMessage());
            report = t.report(tenant, "paused", pending.count(tenant), governor.calls(tenant) - callsBefore,
                    e.getMessage());
            runs.finish(runId, "PAUSED", report, e.getMessage());
        } catch (RuntimeException e) {
            runs.finish(runId, "FAILED", t.report(tenant, "failed", pending.count(tenant),
                    governor.calls(tenant) - callsBefore, e.getMessage()), e.getMessage());
            throw e;
        } finally {
            announce(tenant, t.accounts + t.deletedAccounts + t.relinked > 0, t.calls + t.deletedCalls > 0);
            lock.unlock();
        }
        return report;
    }

    /**
     * Applies one change event (CDC): a DELETE removes the records by id; any other change type (CREATE, UPDATE,
     * UNDELETE, GAP_*) re-reads the named records and upserts them, which is idempotent, so an event applied twice
     * changes nothing. An event naming no record (GAP_OVERFLOW) runs an incremental pull instead.
     *
     * @return records applied
     */
    public int applyChange(String tenant, String entity, String changeType, List<String> recordIds) {
        CrmProperties.Accounts a = properties.mapping().account();
        CrmProperties.Calls c = properties.mapping().call();
        boolean account = a.object().equals(entity);
        if (!account && !c.object().equals(entity)) {
            return 0;
        }
        if (recordIds.isEmpty()) {
            SyncReport r = pull(tenant);
            return r.accounts() + r.calls();
        }
        TenantWarehouse warehouse = warehouses.forTenant(tenant);
        SyncTally t = new SyncTally();
        if ("DELETE".equals(changeType)) {
            if (account) {
                t.deletedAccounts += loader.deleteAccounts(warehouse, recordIds);
            } else {
                callIntake.delete(tenant, warehouse, recordIds, t);
            }
        } else if (account) {
            accountIntake.apply(tenant, adapters.forTenant(tenant), warehouse,
                    adapters.forTenant(tenant).byIds(entity, a.fields(), a.where(), recordIds), t, true);
            callIntake.applyPending(tenant, warehouse, t);
        } else {
            callIntake.apply(tenant, warehouse, adapters.forTenant(tenant).byIds(entity, c.fields(), null, recordIds),
                    t);
        }
        announce(tenant, account && t.accounts + t.deletedAccounts > 0, !account && t.calls + t.deletedCalls > 0);
        return account ? t.accounts + t.deletedAccounts : t.calls + t.deletedCalls;
    }

    /**
     * The replay of a parked account (route crm-veeva-inbound-account): read afresh and applied; still in conflict, it
     * is refused for good (parked again). Once it is an HCP, its pending calls load.
     */
    public String applyAccount(String tenant, String accountJson) {
        String id = read(accountJson).get("Id");
        CrmProperties.Accounts a = properties.mapping().account();
        CrmAdapter crm = adapters.forTenant(tenant);
        List<Map<String, String>> fresh = crm.byIds(a.object(), a.fields(), a.where(), List.of(id));
        if (fresh.isEmpty()) {
            return "account " + id + " is no longer an HCP account of the CRM; nothing to apply";
        }
        TenantWarehouse warehouse = warehouses.forTenant(tenant);
        SyncTally t = new SyncTally();
        List<WarehouseLoader.Conflict> left = accountIntake.apply(tenant, crm, warehouse, fresh, t, false);
        if (!left.isEmpty()) {
            throw AccountIntake.refusal(left.get(0));
        }
        callIntake.applyPending(tenant, warehouse, t);
        announce(tenant, true, t.calls > 0);
        return "account " + id + " applied; " + t.calls + " pending calls loaded";
    }

    /** The first handling of a conflicting account: refused, so the delivery configuration parks it. */
    public void refuse(String reason) {
        throw new PermanentFailure(ErrorCode.BAD_REQUEST, Phase.DELIVER, reason);
    }

    /** Forgets the watermarks and pulls: a first load with a full key reconciliation (after a gap in the events). */
    public SyncReport reconcileFully(String tenant) {
        state.forgetWatermarks(tenant);
        return pull(tenant);
    }

    private void syncAccounts(String tenant, CrmAdapter crm, TenantWarehouse warehouse, SyncTally t) {
        CrmProperties.Accounts a = properties.mapping().account();
        Optional<SyncState.Watermark> mark = state.watermark(tenant, a.object()).filter(w -> w.watermark() != null);
        String mode = sync(tenant, crm, warehouse, a.object(), a.fields(), a.where(), mark,
                page -> accountIntake.apply(tenant, crm, warehouse, page, t, true),
                ids -> t.deletedAccounts += loader.deleteAccounts(warehouse, ids), loader::accountIds);
        t.accountsMode = mode;
    }

    private void syncCalls(String tenant, CrmAdapter crm, TenantWarehouse warehouse, SyncTally t) {
        CrmProperties.Calls c = properties.mapping().call();
        Optional<SyncState.Watermark> mark = state.watermark(tenant, c.object()).filter(w -> w.watermark() != null);
        t.callsMode = sync(tenant, crm, warehouse, c.object(), c.fields(), null, mark,
                page -> callIntake.apply(tenant, warehouse, page, t), ids -> callIntake.delete(tenant, warehouse, ids, t),
                loader::callIds);
    }

    private interface PageWork {
        void apply(List<Map<String, String>> page);
    }

    private interface IdsWork {
        void apply(Set<String> ids);
    }

    private String sync(String tenant, CrmAdapter crm, TenantWarehouse warehouse, String object, List<String> fields,
                        String where, Optional<SyncState.Watermark> mark, PageWork apply, IdsWork delete,
                        java.util.function.Function<TenantWarehouse, Set<String>> warehouseIds) {
        String deletedKey = object + "#deleted";
        Instant started = Instant.now();
        if (mark.isEmpty()) {
            Instant[] newest = {Instant.EPOCH};
            Set<String> live = new HashSet<>();
            crm.extractAll(object, fields, where, page -> {
                apply.apply(page.records());
                page.records().forEach(r -> live.add(r.get("Id")));
                Instant n = newest(page.records());
                newest[0] = n.isAfter(newest[0]) ? n : newest[0];
            });
            // ids in the warehouse the export did not return are not (or no longer) in the CRM
            Set<String> gone = new HashSet<>(warehouseIds.apply(warehouse));
            gone.removeAll(live);
            delete.apply(gone);
            // a Bulk export comes in no order: records at exactly the newest stamp are read once more next time
            state.advance(tenant, object, new CrmAdapter.Position(newest[0], null));
            state.reconciled(tenant, deletedKey, started.minus(OVERLAP));
            return "first-load";
        }
        String mode = "incremental";
        Instant deletedSince = state.watermark(tenant, deletedKey).map(SyncState.Watermark::watermark)
                .orElse(Instant.EPOCH);
        if (Duration.between(deletedSince, started).compareTo(properties.sync().deletionRetention()) > 0) {
            mode = "reconcile";
            Set<String> gone = new HashSet<>(warehouseIds.apply(warehouse));
            gone.removeAll(crm.allIds(object, where));
            delete.apply(gone);
        } else {
            crm.deletedSince(object, deletedSince, page -> {
                Set<String> ids = new HashSet<>();
                page.records().forEach(r -> ids.add(r.get("Id")));
                delete.apply(ids);
            });
        }
        crm.changedSince(object, fields, where, mark.get().position(), page -> {
            if (page.records().isEmpty()) {
                return;
            }
            apply.apply(page.records());
            Map<String, String> last = page.records().get(page.records().size() - 1);
            state.advance(tenant, object, new CrmAdapter.Position(stamp(last), last.get("Id")));
        });
        state.reconciled(tenant, deletedKey, started.minus(OVERLAP));
        return mode;
    }

    /** Accounts land in hcp, calls in call_activity: cached answers that read them are stale on every replica. */
    private void announce(String tenant, boolean accounts, boolean calls) {
        var tables = new ArrayList<String>();
        if (accounts) {
            tables.add("hcp");
        }
        if (calls) {
            tables.add("call_activity");
        }
        if (!tables.isEmpty()) {
            hubEvents.dataChanged(tenant, tables, "crm");
        }
    }

    private static Instant stamp(Map<String, String> record) {
        String stamp = record.get("SystemModstamp");
        return stamp == null ? Instant.EPOCH : OffsetDateTime.parse(stamp, STAMP).toInstant();
    }

    private static Instant newest(List<Map<String, String>> records) {
        Instant max = Instant.EPOCH;
        for (Map<String, String> r : records) {
            Instant i = stamp(r);
            if (i.isAfter(max)) {
                max = i;
            }
        }
        return max;
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, RECORD);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure(ErrorCode.BAD_REQUEST, Phase.DELIVER, "not a parked CRM account");
        }
    }
}
