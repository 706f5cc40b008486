package io.nl2q.hub.warehouse;

import java.util.List;
import java.util.Set;

/** DuckDB, the embedded default: LIMIT, lower-case identifiers, ISO weeks from Monday in DATE_TRUNC. */
final class DuckDbDialect extends AnsiDialect {
    private static final Set<String> DENIED = union(Set.of(),
            "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "parquet_metadata", "parquet_schema",
            "read_json", "read_json_auto", "read_json_objects", "read_ndjson", "read_ndjson_auto", "read_text",
            "read_blob", "read_xlsx", "sniff_csv", "glob", "query", "query_table", "sqlite_scan", "sqlite_attach",
            "postgres_scan", "postgres_attach", "postgres_query", "mysql_query", "iceberg_scan", "delta_scan",
            "st_read", "getenv", "current_setting", "getvariable", "set_variable", "duckdb_settings",
            "duckdb_secrets", "duckdb_extensions", "duckdb_databases", "duckdb_schemas", "duckdb_tables",
            "duckdb_columns", "duckdb_views", "duckdb_functions", "duckdb_logs", "pragma_database_list",
            "pragma_table_info", "pragma_storage_info", "pragma_metadata_info", "which_secret", "load_extension",
            "install_extension", "http_get", "http_post", "from_json_file");

    @Override
    public String id() {
        return "duckdb";
    }

    @Override
    public EngineCheck engineCheck() {
        return EngineCheck.DUCKDB_PARSER;
    }

    @Override
    public BulkWrite bulkWrite() {
        return BulkWrite.APPENDER;
    }

    @Override
    public boolean insertOrReplace() {
        return true;
    }

    @Override
    public boolean rollbackDropsTemporaryTables() {
        return true;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.LOWER;
    }

    @Override
    public RowLimitStyle rowLimitStyle() {
        return RowLimitStyle.LIMIT;
    }

    /** SET is session-wide in DuckDB, so every borrow sets the path again before the query. */
    @Override
    public List<String> readOnlySessionSetup(String tenantSchema) {
        return List.of("BEGIN TRANSACTION READ ONLY", "SET search_path = '" + tenantSchema + "'");
    }

    @Override
    public Set<String> deniedFunctions() {
        return DENIED;
    }

    /** {@code _hub} holds the generator's metadata beside the tenant schema in the same file. */
    @Override
    public Set<String> systemSchemas() {
        return union(super.systemSchemas(), "pg_catalog", "main", "temp", "system", "_hub");
    }
}
