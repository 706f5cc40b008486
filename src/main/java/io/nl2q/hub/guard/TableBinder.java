package io.nl2q.hub.guard;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/**
 * Binds each table reference to a CTE in scope or to a table of the caller's tenant, and rewrites tenant tables to
 * the schema-qualified form so that no search_path or default schema can re-bind them at run time.
 *
 * <p>With shared tables a tenant table {@code t [AS a]} is instead replaced, by the walker, with the derived table
 * {@code (SELECT * FROM shared.t WHERE shared.t.tenant_id = 'acme') AS a} (alias {@code t} when there was none). The filter
 * thus sits on the table itself, below every join: adding {@code tenant_id = ...} to each WHERE instead would turn a
 * LEFT JOIN into an inner one (or, put in the ON clause, leave the preserved side unfiltered), and would need a
 * correct alias for every table in every block. A derived table keeps outer joins, correlation and {@code t.col}
 * references as they were, and a statement in which any tenant table was not replaced is refused.
 */
final class TableBinder {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
            "pg_temp", "sys", "system", "temp", "sqlite_temp", "snowflake", "account_usage");
    private static final Set<String> SYSTEM_TABLES = Set.of("sqlite_master", "sqlite_schema",
            "sqlite_temp_master", "sqlite_temp_schema", "sqlite_sequence", "dual");

    private final GuardContext context;
    private final String schemaRendered;
    private final Set<String> tablesRead = new HashSet<>();
    private final Map<Table, ParenthesedSelect> tenantRows = new IdentityHashMap<>();

    TableBinder(GuardContext context) {
        this.context = context;
        TableLayout layout = context.layout();
        this.schemaRendered = Identifier.render(layout.shared() ? layout.sharedSchema() : context.tenant().schema(),
                context.dialect());
    }

    Set<String> tablesRead() {
        return tablesRead;
    }

    /** The schema tenant tables are read from (the tenant's, or the shared one), unquoted. */
    String schemaName() {
        TableLayout layout = context.layout();
        return layout.shared() ? layout.sharedSchema() : context.tenant().schema();
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
        tablesRead.add(tableName);
        String nameRendered = Identifier.render(tableName, context.dialect());
        if (context.layout().shared()) {
            tenantRows.put(table, tenantRowsOf(table, nameRendered, written));
            return;
        }
        table.setSchemaName(schemaRendered);
        table.setName(nameRendered);
    }

    /** The derived table that must take the place of {@code node}, a bound shared table; null for anything else. */
    FromItem takeReplacement(Object node) {
        return node instanceof Table table ? tenantRows.remove(table) : null;
    }

    /** Fails closed when a bound shared table sits where the walker could not put its tenant's rows instead. */
    void requireAllReplaced() {
        if (!tenantRows.isEmpty()) {
            Table table = tenantRows.keySet().iterator().next();
            throw new SqlRejectedException("table " + table.getFullyQualifiedName()
                    + " cannot be bound to your tenant's rows where it is written");
        }
    }

    private ParenthesedSelect tenantRowsOf(Table table, String nameRendered, String written) {
        Alias alias = table.getAlias();
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            // the shared table has one more column (the tenant column), so positional renames would shift
            throw new SqlRejectedException("column aliases on table " + written + " are not allowed on shared tables");
        }
        if (table.getSampleClause() != null || table.getPivot() != null || table.getUnPivot() != null
                || table.getIndexHint() != null || table.getSqlServerHints() != null) {
            throw new SqlRejectedException("table " + written + " carries a clause that is not allowed on shared tables");
        }
        // qualified with schema and table: were the column missing, a bare name could bind to an outer query's
        // tenant column and filter nothing; qualified, it can only be this table's, or the statement fails
        Column tenantColumn = new Column(new Table(schemaRendered, nameRendered),
                Identifier.render(context.layout().tenantColumn(), context.dialect()));
        StringValue tenantId = new StringValue("'" + context.tenant().id().replace("'", "''") + "'");
        ParenthesedSelect rows = new ParenthesedSelect(new Table(schemaRendered, nameRendered),
                new EqualsTo(tenantColumn, tenantId));
        return rows.withAlias(alias != null ? alias : new Alias(nameRendered, true));
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
            if (context.layout().shared()) {
                // the table it names is now a derived table known only by its alias
                qualifier.setSchemaName(null);
            }
        }
    }

    /** With shared tables the caller may still qualify with its own schema name; both mean its rows. */
    private void requireTenantSchema(Identifier schema, String written) {
        Boolean same = schema.denotes(context.tenant().schema(), context.dialect());
        if (context.layout().shared() && !Boolean.TRUE.equals(same)) {
            Boolean shared = schema.denotes(context.layout().sharedSchema(), context.dialect());
            if (shared == null || shared) {
                same = shared;
            }
        }
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
