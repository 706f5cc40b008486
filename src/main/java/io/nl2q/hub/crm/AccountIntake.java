package io.nl2q.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.errors.PermanentFailure;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Pages of CRM accounts into the warehouse's HCPs, with their opt-out flags, and the conflicts settled: an HCP that
 * holds a CRM id the org no longer has (merged away, deleted and created again) is moved to the account with its
 * NPI; an account whose NPI the HCP of another live account holds is a duplicate in the CRM, parked for an operator.
 */
@Component
class AccountIntake {
    private final WarehouseLoader loader;
    private final SyncState state;
    private final ConflictParking parking;
    private final CrmProperties properties;
    private final ObjectMapper json;

    AccountIntake(WarehouseLoader loader, SyncState state, ConflictParking parking, CrmProperties properties,
                  ObjectMapper json) {
        this.loader = loader;
        this.state = state;
        this.parking = parking;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Applies accounts, then settles the conflicts: an HCP holding a CRM id the org no longer has is moved to the
     * account with its NPI; one whose id is live elsewhere is a duplicate in the CRM, parked (or, when {@code park} is
     * false, returned).
     */
    List<WarehouseLoader.Conflict> apply(String tenant, CrmAdapter crm, TenantWarehouse warehouse,
                                                         List<Map<String, String>> page, SyncTally t, boolean park) {
        if (page.isEmpty()) {
            return List.of();
        }
        String optOut = properties.mapping().account().optOut();
        var flags = new HashMap<String, Boolean>();
        page.forEach(r -> flags.put(r.get("Id"), Boolean.parseBoolean(r.get(optOut))));
        WarehouseLoader.AccountsApplied applied = loader.upsertAccounts(warehouse, page);
        state.optOuts(tenant, flags);
        t.accounts += applied.applied();
        t.withoutNpi += applied.withoutNpi();
        if (applied.conflicts().isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> byId = new HashMap<>();
        page.forEach(r -> byId.put(r.get("Id"), r));
        Set<String> held = new HashSet<>();
        applied.conflicts().forEach(c -> held.add(c.heldBy()));
        Set<String> live = new HashSet<>();
        crm.byIds(properties.mapping().account().object(), List.of("Id"), null, held)
                .forEach(r -> live.add(r.get("Id")));
        Map<String, String> relink = new LinkedHashMap<>();
        List<WarehouseLoader.Conflict> duplicates = new ArrayList<>();
        applied.conflicts().stream().sorted(java.util.Comparator.comparing(WarehouseLoader.Conflict::crmId))
                .forEach(c -> {
                    if (!live.contains(c.heldBy()) && relink.putIfAbsent(c.heldBy(), c.crmId()) == null) {
                        return;
                    }
                    duplicates.add(c);
                });
        if (!relink.isEmpty()) {
            t.relinked += loader.relink(warehouse, relink);
            WarehouseLoader.AccountsApplied again = loader.upsertAccounts(warehouse,
                    relink.values().stream().map(byId::get).toList());
            t.accounts += again.applied();
            duplicates.addAll(again.conflicts());
        }
        if (park) {
            for (WarehouseLoader.Conflict c : duplicates) {
                parking.park(tenant, write(byId.get(c.crmId())), refusal(c).getMessage());
                t.parked++;
            }
            return List.of();
        }
        return duplicates;
    }

    static PermanentFailure refusal(WarehouseLoader.Conflict c) {
        return new PermanentFailure(ErrorCode.BAD_REQUEST, Phase.DELIVER, "DUPLICATE_NPI: account " + c.crmId()
                + " has NPI " + c.npi() + ", which the HCP linked to the live account " + c.heldBy() + " has; merge"
                + " the two accounts in the CRM, then replay this entry (its calls wait for it)");
    }

    private String write(Map<String, String> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
