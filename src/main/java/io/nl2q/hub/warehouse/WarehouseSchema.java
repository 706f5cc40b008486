package io.nl2q.hub.warehouse;

import io.nl2q.hub.warehouse.SqlDialect.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The eight tables of every tenant schema, as fixed by warehouse-schema.md, and their DDL per dialect. Foreign keys
 * are documented there but not declared: the generator guarantees them, and declared ones would make DuckDB check
 * every appended row and refuse later BOAST reloads of parent rows.
 */
public final class WarehouseSchema {
    public static final Table TERRITORY = table("territory", List.of("territory_id"), List.of("territory_name"),
            col("territory_id", ColumnType.VARCHAR, 8, false), col("territory_name", ColumnType.VARCHAR, 64, false),
            col("region", ColumnType.VARCHAR, 16, false), col("state", ColumnType.CHAR, 2, false),
            col("rep_name", ColumnType.VARCHAR, 64, false));
    public static final Table HCP = table("hcp", List.of("hcp_id"), List.of("npi"),
            col("hcp_id", ColumnType.VARCHAR, 16, false), col("npi", ColumnType.CHAR, 10, false),
            col("first_name", ColumnType.VARCHAR, 64, false), col("last_name", ColumnType.VARCHAR, 64, false),
            col("full_name", ColumnType.VARCHAR, 128, false), col("specialty", ColumnType.VARCHAR, 32, false),
            col("decile", ColumnType.INTEGER, 0, false), col("city", ColumnType.VARCHAR, 64, false),
            col("state", ColumnType.CHAR, 2, false), col("territory_id", ColumnType.VARCHAR, 8, false),
            col("crm_account_id", ColumnType.VARCHAR, 18, true));
    public static final Table PRODUCT = table("product", List.of("product_id"), List.of("product_name"),
            col("product_id", ColumnType.VARCHAR, 8, false), col("product_name", ColumnType.VARCHAR, 64, false),
            col("molecule", ColumnType.VARCHAR, 64, false), col("market", ColumnType.VARCHAR, 32, false),
            col("manufacturer", ColumnType.VARCHAR, 64, false), col("is_promoted", ColumnType.BOOLEAN, 0, false));
    public static final Table PAYER = table("payer", List.of("payer_id"), List.of("payer_name"),
            col("payer_id", ColumnType.VARCHAR, 8, false), col("payer_name", ColumnType.VARCHAR, 64, false),
            col("channel", ColumnType.VARCHAR, 32, false));
    public static final Table RX_WEEKLY = table("rx_weekly",
            List.of("week_ending", "hcp_id", "product_id", "payer_id"), List.of(),
            col("week_ending", ColumnType.DATE, 0, false), col("hcp_id", ColumnType.VARCHAR, 16, false),
            col("product_id", ColumnType.VARCHAR, 8, false), col("payer_id", ColumnType.VARCHAR, 8, false),
            col("trx", ColumnType.INTEGER, 0, false), col("nrx", ColumnType.INTEGER, 0, false),
            col("units", ColumnType.INTEGER, 0, false));
    public static final Table CALL_ACTIVITY = table("call_activity", List.of("call_id"), List.of(),
            col("call_id", ColumnType.VARCHAR, 16, false), col("call_date", ColumnType.DATE, 0, false),
            col("hcp_id", ColumnType.VARCHAR, 16, false), col("territory_id", ColumnType.VARCHAR, 8, false),
            col("product_id", ColumnType.VARCHAR, 8, false), col("channel", ColumnType.VARCHAR, 16, false),
            col("duration_min", ColumnType.INTEGER, 0, false), col("crm_call_id", ColumnType.VARCHAR, 18, true));
    public static final Table HCP_TARGET = table("hcp_target", List.of("hcp_id", "product_id", "effective_date"),
            List.of(), col("hcp_id", ColumnType.VARCHAR, 16, false), col("product_id", ColumnType.VARCHAR, 8, false),
            col("tier", ColumnType.CHAR, 1, false), col("effective_date", ColumnType.DATE, 0, false),
            col("source_file", ColumnType.VARCHAR, 255, false));
    public static final Table FORMULARY = table("formulary", List.of("payer_id", "product_id", "effective_date"),
            List.of(), col("payer_id", ColumnType.VARCHAR, 8, false), col("product_id", ColumnType.VARCHAR, 8, false),
            col("status", ColumnType.VARCHAR, 16, false), col("prior_auth", ColumnType.BOOLEAN, 0, false),
            col("effective_date", ColumnType.DATE, 0, false), col("source_file", ColumnType.VARCHAR, 255, false));

    public static final List<Table> TABLES = List.of(TERRITORY, HCP, PRODUCT, PAYER, RX_WEEKLY, CALL_ACTIVITY,
            HCP_TARGET, FORMULARY);

    private WarehouseSchema() {
    }

    /** CREATE SCHEMA (where the engine has schemas) and the eight CREATE TABLE statements. */
    public static List<String> createStatements(SqlDialect dialect, String schema) {
        return createStatements(dialect, null, schema);
    }

    /**
     * As {@link #createStatements(SqlDialect, String)}, qualified with {@code catalog} when not null. DuckDB needs
     * it: the file {@code acme.duckdb} is catalog {@code acme}, and a bare {@code acme.t} is then ambiguous.
     */
    public static List<String> createStatements(SqlDialect dialect, String catalog, String schema) {
        var statements = new ArrayList<String>();
        boolean schemas = dialect.hasSchemas();
        String qualifiedSchema = (catalog == null ? "" : dialect.quoteIdentifier(catalog) + ".")
                + dialect.quoteIdentifier(schema);
        if (schemas) {
            statements.add("CREATE SCHEMA " + qualifiedSchema);
        }
        for (Table table : TABLES) {
            String name = schemas ? qualifiedSchema + "." + table.name() : table.name();
            statements.add(table.createStatement(dialect, name));
        }
        return List.copyOf(statements);
    }

    /** A column; {@code length} 0 means the engine's unbounded (or default) length. */
    public record Column(String name, ColumnType type, int length, boolean nullable) {
    }

    /** A table with its primary key and unique columns. */
    public record Table(String name, List<Column> columns, List<String> primaryKey, List<String> unique) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            unique = List.copyOf(unique);
        }

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        String createStatement(SqlDialect dialect, String qualifiedName) {
            var parts = new ArrayList<String>();
            for (Column c : columns) {
                parts.add(c.name() + " " + dialect.columnType(c.type(), c.length()) + (c.nullable() ? "" : " NOT NULL"));
            }
            parts.add("PRIMARY KEY (" + String.join(", ", primaryKey) + ")");
            unique.forEach(u -> parts.add("UNIQUE (" + u + ")"));
            return "CREATE TABLE " + qualifiedName + " (" + String.join(", ", parts) + ")";
        }
    }

    private static Table table(String name, List<String> key, List<String> unique, Column... columns) {
        return new Table(name, List.of(columns), key, unique);
    }

    private static Column col(String name, ColumnType type, int length, boolean nullable) {
        return new Column(name, type, length, nullable);
    }
}
