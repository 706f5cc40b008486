package io.nl2q.hub.tenancy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The database side of tenant isolation on PostgreSQL, as statements a DBA (or the deployment) runs as the owner of
 * the tenant schemas. Two layouts, selectable per deployment:
 * <ul>
 *   <li><b>schema per tenant</b>: a login role per tenant that may use only its own schema and read only its tables,
 *   so a connection of acme's pool cannot read globex even with raw SQL, search_path or SET tricks;</li>
 *   <li><b>shared tables</b>: one table for all tenants with a {@code tenant_id} column under row-level security with
 *   FORCE, whose policy compares {@code tenant_id} with the tenant the connected role stands for, so even the table
 *   owner and a forgotten predicate see only their tenant's rows.</li>
 * </ul>
 * Identifiers come from {@link TenantRef} (validated names) and are quoted all the same; passwords are literals
 * escaped for PostgreSQL.
 */
public final class PostgresTenantIsolation {
    /** Tenant roles are named {@code nl2q_<tenant id>}; the RLS policy reads the tenant back from that name. */
    public static final String ROLE_PREFIX = "nl2q_";
    private static final Pattern SAFE_TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}(\\.[a-z][a-z0-9_]{0,62})?");

    private PostgresTenantIsolation() {
    }

    public static String roleName(TenantRef tenant) {
        return ROLE_PREFIX + tenant.id();
    }

    /** A login role that may read its own schema and nothing else (the public schema included). */
    public static List<String> schemaPerTenantRole(TenantRef tenant, String password) {
        String role = quote(roleName(tenant));
        String schema = quote(tenant.schema());
        return List.of(
                "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS"
                        + " PASSWORD " + literal(password),
                "REVOKE ALL ON SCHEMA public FROM PUBLIC",
                "REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT ON TABLES TO " + role,
                "ALTER ROLE " + role + " SET search_path = " + schema,
                "ALTER ROLE " + role + " SET default_transaction_read_only = on");
    }

    /**
     * Row-level security with FORCE on a shared table: a role {@code nl2q_<tenant>} sees and reaches only rows whose
     * {@code tenant_id} is its tenant; any other role (the owner included) sees none.
     */
    public static List<String> sharedTableRowSecurity(String table) {
        if (!SAFE_TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        return List.of(
                "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY",
                "CREATE POLICY tenant_rows ON " + table + " USING (current_user LIKE '" + ROLE_PREFIX
                        + "%' AND tenant_id = substr(current_user, " + (ROLE_PREFIX.length() + 1) + "))");
    }

    /** Lets a tenant role read a shared table (the policy above still filters its rows). */
    public static String grantSharedRead(TenantRef tenant, String table) {
        if (!SAFE_TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        return "GRANT SELECT ON " + table + " TO " + quote(roleName(tenant));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
