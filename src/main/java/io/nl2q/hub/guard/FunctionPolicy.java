package io.nl2q.hub.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions that reach past the tenant's rows: files, network, settings, other databases, or SQL text executed on the
 * side (which the guard cannot see into). Matched by exact name, by prefix and by suffix, on every engine at once,
 * because the statement is checked before we trust which engine it was written for.
 */
final class FunctionPolicy {
    private static final Set<String> DENIED = Set.of(
            // DuckDB
            "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto",
            "read_ndjson", "read_text", "read_blob", "glob", "sniff_csv", "query", "query_table", "getenv",
            "current_setting", "getvariable", "setvariable", "which_secret", "json_execute_serialized_sql",
            "st_read", "load_extension", "install_extension",
            // PostgreSQL
            "set_config", "ts_stat", "ts_rewrite", "nextval", "setval", "currval", "lastval", "txid_current",
            "inet_server_addr", "inet_server_port", "inet_client_addr", "current_database", "current_schemas",
            "version", "copy",
            // SQLite
            "readfile", "writefile", "edit", "fts3_tokenizer", "zipfile", "load_file",
            // SQL Server, MySQL
            "openrowset", "opendatasource", "openquery", "openxml", "bulk", "sys_exec", "sys_eval", "system",
            // Snowflake
            "identifier", "table", "get_ddl", "result_scan");
    private static final List<String> DENIED_PREFIXES = List.of("duckdb_", "pragma_", "parquet_", "read_",
            "pg_", "dblink", "lo_", "sqlite_", "xp_", "sp_", "fn_", "system$", "query_to_", "table_to_",
            "schema_to_", "database_to_", "cursor_to_", "http_", "iceberg_", "delta_", "postgres_", "mysql_",
            "to_reg");
    private static final List<String> DENIED_SUFFIXES = List.of("_scan", "_attach");

    private final Set<String> dialectDenied;

    FunctionPolicy(Set<String> dialectDenied) {
        this.dialectDenied = dialectDenied;
    }

    /** {@code nameParts} as written, quoted or not; a call qualified with a schema or package is refused. */
    void check(List<String> nameParts) {
        if (nameParts == null || nameParts.isEmpty()) {
            return;
        }
        if (nameParts.size() > 1) {
            throw new SqlRejectedException("function " + String.join(".", nameParts)
                    + " is not allowed: function calls qualified with a schema are refused");
        }
        String name = Identifier.parse(nameParts.get(0)).text().toLowerCase(Locale.ROOT);
        if (denied(name)) {
            throw new SqlRejectedException("function " + name + " is not allowed: it " + reach(name));
        }
    }

    private boolean denied(String name) {
        return DENIED.contains(name) || dialectDenied.contains(name)
                || DENIED_PREFIXES.stream().anyMatch(name::startsWith)
                || DENIED_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static String reach(String name) {
        if (name.startsWith("read_") || name.contains("parquet") || name.contains("csv") || name.contains("json")
                || name.contains("file") || name.equals("glob") || name.startsWith("lo_") || name.equals("copy")
                || name.equals("bulk") || name.equals("zipfile") || name.equals("edit")) {
            return "reads files";
        }
        if (name.startsWith("dblink") || name.startsWith("open") || name.startsWith("http_")
                || name.endsWith("_scan") || name.endsWith("_attach")) {
            return "reaches another database or the network";
        }
        if (name.startsWith("query") || name.contains("_to_") || name.startsWith("ts_")
                || name.equals("identifier") || name.equals("table")) {
            return "runs SQL text or names a table the guard cannot check";
        }
        return "touches settings or the system";
    }
}
