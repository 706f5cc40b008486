package io.nl2q.hub.crm;

import io.nl2q.hub.query.HubEvents;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inbound pull of one tenant (route crm-veeva-inbound): accounts first (calls resolve their HCP through them),
 * then calls. Per object: a Bulk 2.0 export on the first load; afterwards pages of records changed since the
 * watermark, each page committed to the warehouse before the watermark moves past it (a crash re-reads at most one
 * page, and re-applying a page is idempotent); deletions from queryAll, or a full key reconciliation once the last
 * deletion check is older than Salesforce keeps deleted rows.
 */
@Component("crmInbound")
public class InboundSync {
    private static final Logger log = LoggerFactory.getLogger(InboundSync.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");
    /** Deletion checks overlap by this much, so a clock difference between hub and org loses nothing. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);
    private final CrmAdapters adapters;
    private final WarehouseRegistry warehouses;
    private final WarehouseLoader loader;
    private final SyncState state;
    private final CrmProperties properties;
    private final LimitsGovernor governor;
    private final HubEvents hubEvents;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    InboundSync(CrmAdapters adapters, WarehouseRegistry warehouses, WarehouseLoader loader, SyncState state,
                CrmProperties properties, LimitsGovernor governor, HubEvents hubEvents) {
        this.adapters = adapters;
        this.warehouses = warehouses;
        this.loader = loader;
        this.state = state;
        this.properties = properties;
        this.governor = governor;
        this.hubEvents = hubEvents;
    }

    /** One run for the tenant; a run already in progress for it makes this one a no-op ("busy"). */
    public SyncReport pull(String tenant) {
        ReentrantLock lock = running.computeIfAbsent(tenant, t -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new SyncReport(tenant, "busy", 0, 0, 0, 0, 0);
        }
        long callsBefore = governor.calls(tenant);
        try {
            CrmAdapter crm = adapters.forTenant(tenant);
            TenantWarehouse warehouse = warehouses.forTenant(tenant);
            crm.usage();
            CrmProperties.Accounts a = properties.mapping().account();
            CrmProperties.Calls c = properties.mapping().call();
            Counts accounts = sync(tenant, crm, warehouse, a.object(), a.fields(), a.where(),
                    page -> upsertAccounts(tenant, warehouse, page), loader::deleteAccounts, loader::accountIds);
            Counts calls = sync(tenant, crm, warehouse, c.object(), c.fields(), null,
                    page -> loader.upsertCalls(warehouse, page), loader::deleteCalls, loader::callIds);
            String mode = accounts.mode.equals(calls.mode) ? accounts.mode : accounts.mode + "/" + calls.mode;
            announce(tenant, accounts.upserted + accounts.deleted > 0, calls.upserted + calls.deleted > 0);
            return new SyncReport(tenant, mode, accounts.upserted, calls.upserted, accounts.deleted, calls.deleted,
                    governor.calls(tenant) - callsBefore);
        } catch (ApiLimitPause e) {
            log.warn(e.getMessage());
            return new SyncReport(tenant, "paused", 0, 0, 0, 0, governor.calls(tenant) - callsBefore);
        } finally {
            lock.unlock();
        }
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
        int applied = apply(tenant, account, entity, changeType, recordIds);
        announce(tenant, account && applied > 0, !account && applied > 0);
        return applied;
    }

    private int apply(String tenant, boolean account, String entity, String changeType, List<String> recordIds) {
        TenantWarehouse warehouse = warehouses.forTenant(tenant);
        if ("DELETE".equals(changeType)) {
            return account ? loader.deleteAccounts(warehouse, recordIds) : loader.deleteCalls(warehouse, recordIds);
        }
        CrmAdapter crm = adapters.forTenant(tenant);
        if (account) {
            List<Map<String, String>> records = crm.byIds(entity, properties.mapping().account().fields(),
                    properties.mapping().account().where(), recordIds);
            return records.isEmpty() ? 0 : upsertAccounts(tenant, warehouse, records);
        }
        List<Map<String, String>> records = crm.byIds(entity, properties.mapping().call().fields(), null, recordIds);
        return records.isEmpty() ? 0 : loader.upsertCalls(warehouse, records);
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
        hubEvents.dataChanged(tenant, tables, "crm");
    }

    /** Forgets the watermarks and pulls: a first load with a full key reconciliation (after a gap in the events). */
    public SyncReport reconcileFully(String tenant) {
        state.forgetWatermarks(tenant);
        return pull(tenant);
    }

    private int upsertAccounts(String tenant, TenantWarehouse warehouse, List<Map<String, String>> page) {
        String optOut = properties.mapping().account().optOut();
        var flags = new HashMap<String, Boolean>();
        page.forEach(r -> flags.put(r.get("Id"), Boolean.parseBoolean(r.get(optOut))));
        int n = loader.upsertAccounts(warehouse, page);
        state.optOuts(tenant, flags);
        return n;
    }

    private static final class Counts {
        String mode = "incremental";
        int upserted;
        int deleted;
    }

    private Counts sync(String tenant, CrmAdapter crm, TenantWarehouse warehouse, String object, List<String> fields,
                        String where, Function<List<Map<String, String>>, Integer> upsert,
                        BiFunction<TenantWarehouse, Set<String>, Integer> delete,
                        Function<TenantWarehouse, Set<String>> warehouseIds) {
        Counts counts = new Counts();
        String deletedKey = object + "#deleted";
        Optional<SyncState.Watermark> mark = state.watermark(tenant, object).filter(w -> w.watermark() != null);
        Instant started = Instant.now();
        if (mark.isEmpty()) {
            counts.mode = "first-load";
            AtomicReference<Instant> newest = new AtomicReference<>(Instant.EPOCH);
            Set<String> live = new HashSet<>();
            crm.extractAll(object, fields, where, page -> {
                counts.upserted += upsert.apply(page.records());
                page.records().forEach(r -> live.add(r.get("Id")));
                newest.accumulateAndGet(newest(page.records()), (x, y) -> x.isAfter(y) ? x : y);
            });
            // ids in the warehouse the export did not return are not (or no longer) in the CRM
            Set<String> gone = new HashSet<>(warehouseIds.apply(warehouse));
            gone.removeAll(live);
            counts.deleted += gone.isEmpty() ? 0 : delete.apply(warehouse, gone);
            state.advance(tenant, object, newest.get());
            state.reconciled(tenant, deletedKey, started.minus(OVERLAP));
            return counts;
        }
        Optional<SyncState.Watermark> deletedMark = state.watermark(tenant, deletedKey);
        Instant deletedSince = deletedMark.map(SyncState.Watermark::watermark).orElse(Instant.EPOCH);
        if (Duration.between(deletedSince, started).compareTo(properties.sync().deletionRetention()) > 0) {
            counts.mode = "reconcile";
            counts.deleted += reconcile(crm, warehouse, object, where, delete, warehouseIds);
        } else {
            crm.deletedSince(object, deletedSince, page -> {
                Set<String> ids = new HashSet<>();
                page.records().forEach(r -> ids.add(r.get("Id")));
                counts.deleted += delete.apply(warehouse, ids);
            });
        }
        crm.changedSince(object, fields, where, mark.get().watermark(), page -> {
            counts.upserted += upsert.apply(page.records());
            state.advance(tenant, object, newest(page.records()));
        });
        state.reconciled(tenant, deletedKey, started.minus(OVERLAP));
        return counts;
    }

    private int reconcile(CrmAdapter crm, TenantWarehouse warehouse, String object, String where,
                          BiFunction<TenantWarehouse, Set<String>, Integer> delete,
                          Function<TenantWarehouse, Set<String>> warehouseIds) {
        Set<String> live = crm.allIds(object, where);
        Set<String> gone = new HashSet<>(warehouseIds.apply(warehouse));
        gone.removeAll(live);
        return gone.isEmpty() ? 0 : delete.apply(warehouse, gone);
    }

    private static Instant newest(List<Map<String, String>> records) {
        Instant max = Instant.EPOCH;
        for (Map<String, String> r : records) {
            String stamp = r.get("SystemModstamp");
            if (stamp != null) {
                Instant i = OffsetDateTime.parse(stamp, STAMP).toInstant();
                if (i.isAfter(max)) {
                    max = i;
                }
            }
        }
        return max;
    }
}
