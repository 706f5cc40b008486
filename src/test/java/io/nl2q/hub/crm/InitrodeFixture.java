package io.nl2q.hub.crm;

import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CRM tests' tenant (initrode) brought back to where a first load starts, and its stub accounts. */
final class InitrodeFixture {
    static final String TENANT = "initrode";

    private InitrodeFixture() {
    }

    /**
     * Empties the stub org, forgets the sync's watermarks and removes what earlier runs created in the warehouse
     * (its file outlives a run); returns the tenant's warehouse.
     */
    static JdbcTemplate freshStart(FakeSalesforce org, SyncState state, WarehouseRegistry warehouses) {
        org.reset();
        state.forget(TENANT);
        JdbcTemplate warehouse = new JdbcTemplate(warehouses.forTenant(TENANT).writer());
        warehouse.update("DELETE FROM initrode.call_activity WHERE call_id LIKE 'S%'");
        warehouse.update("DELETE FROM initrode.hcp WHERE hcp_id LIKE 'CRM%'");
        return warehouse;
    }

    /** HCPs writing the promoted products lately: they stay linked to the CRM (the widget tests pick one). */
    static List<Map<String, Object>> promotedHcps(JdbcTemplate warehouse, int count) {
        return warehouse.queryForList("SELECT * FROM initrode.hcp WHERE hcp_id IN"
                + " (SELECT r.hcp_id FROM initrode.rx_weekly r JOIN initrode.product p ON p.product_id = r.product_id"
                + " WHERE p.is_promoted AND r.week_ending > DATE '2025-07-01') ORDER BY hcp_id LIMIT " + count);
    }

    /**
     * The CRM id of an HCP writing the promoted products lately, linking the first such HCP to a CRM id when earlier
     * tests (the inbound sync's relinks and deletions) left none of them linked.
     */
    static String linkedPromotedHcp(JdbcTemplate warehouse) {
        List<String> linked = warehouse.queryForList("SELECT MIN(h.crm_account_id) FROM initrode.hcp h"
                + " WHERE h.crm_account_id IS NOT NULL AND h.hcp_id IN (SELECT r.hcp_id FROM initrode.rx_weekly r"
                + " JOIN initrode.product p ON p.product_id = r.product_id WHERE p.is_promoted"
                + " AND r.week_ending > DATE '2025-07-01')", String.class);
        if (!linked.isEmpty() && linked.get(0) != null) {
            return linked.get(0);
        }
        Object hcpId = promotedHcps(warehouse, 1).get(0).get("hcp_id");
        String crmId = "0015e00000FIXT01AA";
        warehouse.update("UPDATE initrode.hcp SET crm_account_id = ? WHERE hcp_id = ?", crmId, hcpId);
        return crmId;
    }

    /** The stub Account of a warehouse HCP (linked by its NPI when it has no CRM id yet). */
    static Map<String, Object> account(Map<String, Object> hcp) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("FirstName", hcp.get("first_name"));
        a.put("LastName", hcp.get("last_name"));
        a.put("NPI_vod__c", hcp.get("npi"));
        a.put("Specialty_1_vod__c", hcp.get("specialty"));
        a.put("Territory_vod__c", hcp.get("territory_id"));
        a.put("PDRP_Opt_Out_vod__c", false);
        return a;
    }
}
