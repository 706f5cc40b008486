package io.nl2q.hub.guard;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;

/**
 * Binds each table reference to a CTE in scope or to a table of the caller's tenant, and rewrites tenant tables to
 * the schema-qualified form so that no search_path or default schema can re-bind them at run time.
 */
final class TableBinder {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
            "pg_temp", "sys", "system", "temp", "sqlite_temp", "snowflake", "account_usage");
    private static final Set<String> SYSTEM_TABLES = Set.of("sqlite_master", "sqlite_schema",
            "sqlite_temp_master", "sqlite_temp_schema", "sqlite_sequence", "dual");

    private final GuardContext context;
    private final String schemaRendered;
    private final Set<String> tablesRead = new HashSet<>();

    TableBinder(GuardContext context) {
        this.context = context;
        this.schemaRendered = Identifier.render(context.tenant().schema(), context.dialect());
    }

    Set<String> tablesRead() {
        return tablesRead;
    }

    void bind(Table table, Scope scope) {
        String written = table.getFullyQualifiedName();
        if (table.getName() == null || table.getNameParts().size() > 2 || table.getDatabaseName() != null) {
            throw new SqlRejectedException("table " + written + " is outside your tenant: catalog or database "
                    + "qualifiers are not allowed");
        }
        if (table.getTimeTravel() != null || table.getTimeTravelStrAfterAlias() != null) {
            throw new SqlRejectedException("time travel on table " + written + " is not allowed");
        }
        Identifier name = Identifier.parse(table.getName());
        String schemaRaw = table.getSchemaName();
        if (schemaRaw == null && scope.hasCte(name.scopeKey())) {
            return;
        }
        if (schemaRaw != null) {
            requireTenantSchema(Identifier.parse(schemaRaw), written);
        }
        String tableName = tenantTable(name, written);
        table.setSchemaName(schemaRendered);
        table.setName(Identifier.render(tableName, context.dialect()));
        tablesRead.add(tableName);
    }

    /** A column or {@code t.*} qualifier may name a schema only when it is the tenant's own. */
    void checkQualifier(Table qualifier) {
        if (qualifier == null || qualifier.getName() == null) {
            return;
        }
        String written = qualifier.getFullyQualifiedName();
        if (qualifier.getNameParts().size() > 2 || qualifier.getDatabaseName() != null) {
            throw new SqlRejectedException("column qualifier " + written + " is outside your tenant");
        }
        if (qualifier.getSchemaName() != null) {
            requireTenantSchema(Identifier.parse(qualifier.getSchemaName()), written);
        }
    }

    private void requireTenantSchema(Identifier schema, String written) {
        Boolean same = schema.denotes(context.tenant().schema(), context.dialect());
        if (same == null) {
            throw caseMismatch(schema, written);
        }
        if (!same) {
            String key = schema.text().toLowerCase(Locale.ROOT);
            boolean system = SYSTEM_SCHEMAS.contains(key) || context.dialect().systemSchemas().contains(key)
                    || key.startsWith("pg_") || key.startsWith("duckdb");
            throw new SqlRejectedException("table " + written
                    + (system ? " is a system catalog and is not allowed" : " is outside your tenant"));
        }
    }

    private String tenantTable(Identifier name, String written) {
        String lower = name.text().toLowerCase(Locale.ROOT);
        if (context.tenantTables().contains(lower)) {
            Boolean same = name.denotes(lower, context.dialect());
            if (same == null || !same) {
                throw caseMismatch(name, written);
            }
            return lower;
        }
        if (SYSTEM_TABLES.contains(lower) || lower.startsWith("duckdb_") || lower.startsWith("pg_")
                || lower.startsWith("sqlite_")) {
            throw new SqlRejectedException("table " + written + " is a system catalog and is not allowed");
        }
        throw new SqlRejectedException("table " + written + " is not a table of your tenant");
    }

    private static SqlRejectedException caseMismatch(Identifier name, String written) {
        return new SqlRejectedException("quoted identifier \"" + name.text() + "\" in " + written
                + " differs in case from the stored name; it may be another object, so it is refused");
    }
}
