package io.nl2q.hub.warehouse;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** PostgreSQL: LIMIT, lower-case folding, a READ ONLY transaction with SET LOCAL path and statement timeout. */
final class PostgresDialect extends AnsiDialect {
    private static final Set<String> DENIED = union(Set.of(),
            "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir",
            "pg_stat_file", "pg_sleep", "pg_sleep_for", "pg_sleep_until", "lo_import", "lo_export", "lo_get",
            "lo_put", "lo_from_bytea", "dblink", "dblink_exec", "dblink_connect", "current_setting", "set_config",
            "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "query_to_xml",
            "query_to_xml_and_xmlschema", "table_to_xml", "schema_to_xml", "database_to_xml", "cursor_to_xml",
            "pg_logical_emit_message", "pg_advisory_lock", "pg_advisory_xact_lock", "pg_try_advisory_lock",
            "pg_notify", "pg_switch_wal", "pg_create_restore_point", "txid_current", "pg_current_xact_id",
            "pg_stat_get_activity", "inet_server_addr", "inet_server_port", "version");

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public EngineCheck engineCheck() {
        return EngineCheck.POSTGRESQL_DRIVER;
    }

    @Override
    public BulkWrite bulkWrite() {
        return BulkWrite.COPY;
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

    @Override
    public List<String> readOnlySessionSetup(String tenantSchema) {
        return List.of("BEGIN READ ONLY", "SET LOCAL search_path TO " + quoteIdentifier(tenantSchema));
    }

    /** The server cancels the statement itself (SQLState 57014), even when the client's timer thread is late. */
    @Override
    public List<String> readOnlySessionSetup(String tenantSchema, Duration timeout) {
        var statements = new java.util.ArrayList<>(readOnlySessionSetup(tenantSchema));
        statements.add("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
        return List.copyOf(statements);
    }

    @Override
    public Set<String> deniedFunctions() {
        return DENIED;
    }

    @Override
    public Set<String> systemSchemas() {
        return union(super.systemSchemas(), "pg_catalog", "pg_toast", "pg_temp", "public", "_hub");
    }
}
