package io.nl2q.hub.crm;

import io.nl2q.hub.warehouse.TenantWarehouse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Pages of CRM calls into the warehouse: only submitted calls happened (a saved call is a draft; one that leaves the
 * submitted state leaves the warehouse), and a call whose account is not an HCP yet waits in crm_pending_call until
 * it is, instead of being skipped.
 */
@Component
class CallIntake {
    private final WarehouseLoader loader;
    private final PendingCalls pending;
    private final CrmProperties properties;

    CallIntake(WarehouseLoader loader, PendingCalls pending, CrmProperties properties) {
        this.loader = loader;
        this.pending = pending;
        this.properties = properties;
    }

    /** Submitted calls go to the warehouse, others out of it; those of unknown accounts wait in crm_pending_call. */
    void apply(String tenant, TenantWarehouse warehouse, List<Map<String, String>> page, SyncTally t) {
        CrmProperties.Calls c = properties.mapping().call();
        List<Map<String, String>> submitted = new ArrayList<>(page.size());
        Set<String> drafts = new HashSet<>();
        for (Map<String, String> r : page) {
            if (c.isSubmitted(r)) {
                submitted.add(r);
            } else {
                drafts.add(r.get("Id"));
            }
        }
        if (!drafts.isEmpty()) {
            t.unsubmitted += drafts.size();
            delete(tenant, warehouse, drafts, t);
        }
        if (submitted.isEmpty()) {
            return;
        }
        WarehouseLoader.CallsApplied applied = loader.upsertCalls(warehouse, submitted);
        t.calls += applied.applied();
        if (t.anyPending == null) {
            t.anyPending = pending.count(tenant) > 0;
        }
        if (t.anyPending) {
            pending.forget(tenant, submitted.stream().map(r -> r.get("Id")).filter(id -> !applied.unresolved()
                    .contains(id)).toList());
        }
        List<Map<String, String>> waiting = submitted.stream().filter(r -> applied.unresolved().contains(r.get("Id")))
                .toList();
        if (!waiting.isEmpty()) {
            pending.keep(tenant, c.account(), waiting);
            t.anyPending = true;
        }
    }

    void delete(String tenant, TenantWarehouse warehouse, java.util.Collection<String> ids, SyncTally t) {
        t.deletedCalls += loader.deleteCalls(warehouse, ids);
        pending.forget(tenant, ids);
    }

    /** Pending calls whose account is an HCP now are loaded. */
    void applyPending(String tenant, TenantWarehouse warehouse, SyncTally t) {
        Set<String> waitingFor = pending.accounts(tenant);
        if (waitingFor.isEmpty()) {
            return;
        }
        waitingFor.retainAll(loader.accountIds(warehouse));
        if (waitingFor.isEmpty()) {
            return;
        }
        List<Map<String, String>> calls = new ArrayList<>(pending.of(tenant, waitingFor).values());
        for (int from = 0; from < calls.size(); from += 2000) {
            List<Map<String, String>> chunk = calls.subList(from, Math.min(calls.size(), from + 2000));
            WarehouseLoader.CallsApplied applied = loader.upsertCalls(warehouse, chunk);
            t.calls += applied.applied();
            pending.forget(tenant, chunk.stream().map(r -> r.get("Id")).filter(id -> !applied.unresolved()
                    .contains(id)).toList());
        }
    }
}
