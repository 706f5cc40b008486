package io.nl2q.hub.guard;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a tenant's rows live, as the guard binds tables to them: each tenant in its own schema, or all tenants in
 * one shared schema whose tables carry a tenant column. Chosen per deployment ({@code hub.tenancy.layout}).
 */
public record TableLayout(Kind kind, String sharedSchema, String tenantColumn) {
    public static final TableLayout SCHEMA_PER_TENANT = new TableLayout(Kind.SCHEMA_PER_TENANT, null, null);
    // the names are pasted into the rewritten SQL (quoted where needed), so only plain names are accepted
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public enum Kind { SCHEMA_PER_TENANT, SHARED_TABLES }

    public TableLayout {
        Objects.requireNonNull(kind, "layout kind");
        if (kind == Kind.SHARED_TABLES) {
            requireSafe(sharedSchema, "shared schema");
            requireSafe(tenantColumn, "tenant column");
        } else if (sharedSchema != null || tenantColumn != null) {
            throw new IllegalArgumentException("schema-per-tenant takes no shared schema or tenant column");
        }
    }

    public static TableLayout sharedTables(String sharedSchema, String tenantColumn) {
        return new TableLayout(Kind.SHARED_TABLES, sharedSchema, tenantColumn);
    }

    public boolean shared() {
        return kind == Kind.SHARED_TABLES;
    }

    private static void requireSafe(String name, String what) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match " + SAFE_NAME + ": " + name);
        }
    }
}
