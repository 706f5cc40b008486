package io.nl2q.hub.crm;

import io.nl2q.hub.warehouse.TenantWarehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies CRM pages to a tenant warehouse through its writer pool, one transaction per page: the page is staged in a
 * temporary table, then merged set-wise (update what is known by CRM id, insert the rest), so a page replayed after a
 * crash changes nothing. CRM is master for the identity fields (names, specialty); the hub keeps its own (decile,
 * territory of a known HCP). NPI is matched on but not overwritten: a referenced unique key cannot be updated in place.
 * Nothing is dropped unsaid: accounts that cannot be applied and calls whose account is unknown come back to the
 * caller, which links, parks or keeps them.
 */
@Component
class WarehouseLoader {
    /** ids per set-wise statement, and rows per multi-row VALUES insert staging them */
    static final int SET_BATCH = 50_000;
    private static final int VALUES_ROWS = 1000;
    private final CrmProperties properties;

    WarehouseLoader(CrmProperties properties) {
        this.properties = properties;
    }

    /**
     * What a page of accounts did: how many were applied, which could not be (their NPI is held by an HCP linked to
     * another CRM account), and how many have no NPI to be an HCP by.
     */
    record AccountsApplied(int applied, List<Conflict> conflicts, int withoutNpi) {
        AccountsApplied {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** Account {@code crmId} has NPI {@code npi}, which the warehouse's HCP linked to {@code heldBy} has. */
    record Conflict(String crmId, String npi, String heldBy) {
    }

    /** What a page of calls did: how many were applied, and which name an account the warehouse has no HCP for. */
    record CallsApplied(int applied, Set<String> unresolved) {
        CallsApplied {
            unresolved = Set.copyOf(unresolved);
        }
    }

    AccountsApplied upsertAccounts(TenantWarehouse warehouse, List<Map<String, String>> records) {
        CrmProperties.Accounts f = properties.mapping().account();
        String s = warehouse.tenant().schema();
        return inTransaction(warehouse, c -> {
            Map<String, String> territories = territories(c, s);
            stage(c, "CREATE TEMP TABLE IF NOT EXISTS crm_stage_account (crm_id VARCHAR, first_name VARCHAR,"
                    + " last_name VARCHAR, npi VARCHAR, specialty VARCHAR, territory VARCHAR)", "crm_stage_account");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_stage_account VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map<String, String> r : records) {
                    insert.setString(1, r.get("Id"));
                    insert.setString(2, orDefault(r.get(f.firstName()), ""));
                    insert.setString(3, orDefault(r.get(f.lastName()), ""));
                    insert.setString(4, r.get(f.npi()));
                    insert.setString(5, orDefault(r.get(f.specialty()), "Unspecified"));
                    insert.setString(6, territory(r.get(f.territory()), territories));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // two accounts of one page with one NPI: the lower id is the HCP, the other a conflict
            String firstOfNpi = " AND st.crm_id = (SELECT MIN(s2.crm_id) FROM crm_stage_account s2 WHERE s2.npi = st.npi)";
            int applied = update(c, "UPDATE " + s + ".hcp AS tgt SET first_name = st.first_name, last_name = st.last_name,"
                    + " full_name = TRIM(st.first_name || ' ' || st.last_name), specialty = st.specialty"
                    + " FROM crm_stage_account st WHERE tgt.crm_account_id = st.crm_id");
            applied += update(c, "UPDATE " + s + ".hcp AS tgt SET crm_account_id = st.crm_id, first_name = st.first_name,"
                    + " last_name = st.last_name, full_name = TRIM(st.first_name || ' ' || st.last_name),"
                    + " specialty = st.specialty FROM crm_stage_account st WHERE tgt.npi = st.npi"
                    + " AND tgt.crm_account_id IS NULL" + firstOfNpi);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + s + ".hcp (hcp_id, npi, first_name,"
                    + " last_name, full_name, specialty, decile, city, state, territory_id, crm_account_id)"
                    + " SELECT 'CRM' || st.crm_id, st.npi, st.first_name, st.last_name,"
                    + " TRIM(st.first_name || ' ' || st.last_name), st.specialty, 1, t.territory_name, t.state,"
                    + " t.territory_id, st.crm_id FROM crm_stage_account st JOIN " + s + ".territory t"
                    + " ON t.territory_id = COALESCE(st.territory, ?)"
                    + " WHERE st.npi IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + s + ".hcp h"
                    + " WHERE h.crm_account_id = st.crm_id OR h.npi = st.npi)" + firstOfNpi)) {
                insert.setString(1, f.territoryDefault());
                applied += insert.executeUpdate();
            }
            String unlinked = " AND NOT EXISTS (SELECT 1 FROM " + s + ".hcp x WHERE x.crm_account_id = st.crm_id)";
            List<Conflict> conflicts = new ArrayList<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT st.crm_id, st.npi,"
                    + " h.crm_account_id FROM crm_stage_account st JOIN " + s + ".hcp h ON h.npi = st.npi"
                    + " WHERE h.crm_account_id IS NOT NULL AND h.crm_account_id <> st.crm_id" + unlinked)) {
                while (rs.next()) {
                    conflicts.add(new Conflict(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            int withoutNpi;
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM crm_stage_account st"
                    + " WHERE st.npi IS NULL" + unlinked)) {
                rs.next();
                withoutNpi = rs.getInt(1);
            }
            return new AccountsApplied(applied, conflicts, withoutNpi);
        });
    }

    /**
     * Moves HCPs from the CRM ids they hold to the ones given ({@code old id -> new id}): their old account is gone
     * from the CRM (merged, or deleted and created again), and the new one has their NPI.
     */
    int relink(TenantWarehouse warehouse, Map<String, String> newIdByOldId) {
        if (newIdByOldId.isEmpty()) {
            return 0;
        }
        String s = warehouse.tenant().schema();
        return inTransaction(warehouse, c -> {
            stage(c, "CREATE TEMP TABLE IF NOT EXISTS crm_stage_relink (old_id VARCHAR, new_id VARCHAR)",
                    "crm_stage_relink");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_stage_relink VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : newIdByOldId.entrySet()) {
                    insert.setString(1, e.getKey());
                    insert.setString(2, e.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return update(c, "UPDATE " + s + ".hcp AS tgt SET crm_account_id = st.new_id FROM crm_stage_relink st"
                    + " WHERE tgt.crm_account_id = st.old_id");
        });
    }

    /** Territory ids, and lower-cased ids and names, to the territory id. */
    private static Map<String, String> territories(Connection c, String schema) throws SQLException {
        Map<String, String> byKey = new java.util.HashMap<>();
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT territory_id, territory_name FROM " + schema + ".territory")) {
            while (rs.next()) {
                String id = rs.getString(1);
                byKey.put(id, id);
                byKey.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
                byKey.putIfAbsent(rs.getString(2).strip().toLowerCase(Locale.ROOT), id);
            }
        }
        return byKey;
    }

    /** The first territory the CRM value names that the warehouse knows, by id or name; null when none. */
    static String territory(String crmValue, Map<String, String> territories) {
        if (crmValue == null) {
            return null;
        }
        for (String token : crmValue.split(";")) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            String id = territories.get(t);
            if (id == null) {
                id = territories.get(t.toLowerCase(Locale.ROOT));
            }
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** Submitted calls only (the caller filters); calls of accounts the warehouse does not know come back unresolved. */
    CallsApplied upsertCalls(TenantWarehouse warehouse, List<Map<String, String>> records) {
        CrmProperties.Calls f = properties.mapping().call();
        String s = warehouse.tenant().schema();
        return inTransaction(warehouse, c -> {
            stage(c, "CREATE TEMP TABLE IF NOT EXISTS crm_stage_call (crm_id VARCHAR, crm_account VARCHAR,"
                    + " call_date DATE, channel VARCHAR, duration_min INTEGER, product_name VARCHAR)", "crm_stage_call");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_stage_call VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map<String, String> r : records) {
                    String channel = channel(r.get(f.channel()));
                    insert.setString(1, r.get("Id"));
                    insert.setString(2, r.get(f.account()));
                    insert.setDate(3, java.sql.Date.valueOf(LocalDate.parse(r.get(f.date()).substring(0, 10))));
                    insert.setString(4, channel);
                    insert.setInt(5, channel.equals("Email") ? 0 : minutes(r.get(f.duration())));
                    insert.setString(6, firstProduct(r.get(f.products())));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String resolved = " FROM crm_stage_call st JOIN " + s + ".hcp h ON h.crm_account_id = st.crm_account"
                    + " LEFT JOIN " + s + ".product p ON LOWER(p.product_name) = LOWER(st.product_name)";
            int applied;
            try (PreparedStatement update = c.prepareStatement("UPDATE " + s + ".call_activity AS tgt SET call_date = x.call_date,"
                    + " hcp_id = x.hcp_id, territory_id = x.territory_id, product_id = x.product_id, channel = x.channel,"
                    + " duration_min = x.duration_min FROM (SELECT st.crm_id, st.call_date, h.hcp_id, h.territory_id,"
                    + " COALESCE(p.product_id, ?) AS product_id, st.channel, st.duration_min" + resolved + ") x"
                    + " WHERE tgt.crm_call_id = x.crm_id")) {
                update.setString(1, f.productDefault());
                applied = update.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + s + ".call_activity (call_id, call_date,"
                    + " hcp_id, territory_id, product_id, channel, duration_min, crm_call_id) SELECT 'S' || st.crm_id,"
                    + " st.call_date, h.hcp_id, h.territory_id, COALESCE(p.product_id, ?), st.channel, st.duration_min,"
                    + " st.crm_id" + resolved + " WHERE NOT EXISTS (SELECT 1 FROM " + s + ".call_activity a"
                    + " WHERE a.crm_call_id = st.crm_id)")) {
                insert.setString(1, f.productDefault());
                applied += insert.executeUpdate();
            }
            Set<String> unresolved = new HashSet<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT st.crm_id FROM crm_stage_call st"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + s + ".hcp h WHERE h.crm_account_id = st.crm_account)")) {
                while (rs.next()) {
                    unresolved.add(rs.getString(1));
                }
            }
            return new CallsApplied(applied, unresolved);
        });
    }

    /** A deleted account stays an HCP of the warehouse (its prescriptions remain) but is no longer in the CRM. */
    int deleteAccounts(TenantWarehouse warehouse, Collection<String> crmIds) {
        return bySet(warehouse, crmIds, "UPDATE " + warehouse.tenant().schema()
                + ".hcp SET crm_account_id = NULL WHERE crm_account_id IN (SELECT id FROM crm_stage_id)");
    }

    int deleteCalls(TenantWarehouse warehouse, Collection<String> crmIds) {
        return bySet(warehouse, crmIds, "DELETE FROM " + warehouse.tenant().schema()
                + ".call_activity WHERE crm_call_id IN (SELECT id FROM crm_stage_id)");
    }

    Set<String> accountIds(TenantWarehouse warehouse) {
        return ids(warehouse, "SELECT crm_account_id FROM " + warehouse.tenant().schema()
                + ".hcp WHERE crm_account_id IS NOT NULL");
    }

    Set<String> callIds(TenantWarehouse warehouse) {
        return ids(warehouse, "SELECT crm_call_id FROM " + warehouse.tenant().schema()
                + ".call_activity WHERE crm_call_id IS NOT NULL");
    }

    private Set<String> ids(TenantWarehouse warehouse, String sql) {
        return inTransaction(warehouse, c -> {
            Set<String> ids = new HashSet<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * Runs {@code sql} once per batch of {@link #SET_BATCH} ids staged in crm_stage_id: one statement per batch, not
     * one per id (a first load removing a quarter of a million stale rows one DELETE at a time took 13 minutes).
     */
    private int bySet(TenantWarehouse warehouse, Collection<String> ids, String sql) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> all = List.copyOf(ids);
        int n = 0;
        for (int from = 0; from < all.size(); from += SET_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + SET_BATCH));
            n += inTransaction(warehouse, c -> {
                stage(c, "CREATE TEMP TABLE IF NOT EXISTS crm_stage_id (id VARCHAR)", "crm_stage_id");
                for (int i = 0; i < batch.size(); i += VALUES_ROWS) {
                    List<String> rows = batch.subList(i, Math.min(batch.size(), i + VALUES_ROWS));
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_stage_id VALUES "
                            + String.join(", ", java.util.Collections.nCopies(rows.size(), "(?)")))) {
                        for (int k = 0; k < rows.size(); k++) {
                            insert.setString(k + 1, rows.get(k));
                        }
                        insert.executeUpdate();
                    }
                }
                return update(c, sql);
            });
        }
        return n;
    }

    private static void stage(Connection c, String create, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(create);
        }
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + table);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T inTransaction(TenantWarehouse warehouse, Work<T> work) {
        try (Connection c = warehouse.writer().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse write failed for tenant " + warehouse.tenant().id() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Veeva's Call_Channel_vod__c picklist to the warehouse's channels. */
    static String channel(String crmValue) {
        String v = crmValue == null ? "" : crmValue.toLowerCase(Locale.ROOT);
        if (v.contains("video") || v.contains("virtual")) {
            return "Virtual";
        }
        if (v.contains("phone")) {
            return "Phone";
        }
        if (v.contains("email") || v.contains("message")) {
            return "Email";
        }
        return "In-Person";
    }

    private static int minutes(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        return (int) Math.round(Double.parseDouble(value));
    }

    private static String firstProduct(String products) {
        if (products == null || products.isBlank()) {
            return null;
        }
        return products.split("[,;]")[0].strip();
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }
}
