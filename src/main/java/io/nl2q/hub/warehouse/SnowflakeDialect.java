package io.nl2q.hub.warehouse;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Snowflake: upper-case folding, LIMIT. Snowflake has no read-only transaction: the connection's role must hold
 * SELECT only; the session still runs the query inside a transaction that is rolled back.
 */
final class SnowflakeDialect extends AnsiDialect {
    private static final Set<String> DENIED = union(Set.of(),
            "system$wait", "system$whitelist", "system$allowlist", "system$get_privatelink_config",
            "system$cancel_query", "system$cancel_all_queries", "system$abort_session", "system$abort_transaction",
            "system$set_return_value", "system$get_predecessor_return_value", "system$send_email",
            "system$external_table_pipe_status", "system$pipe_status", "system$clustering_information",
            "get_ddl", "result_scan", "query_history", "query_history_by_session", "login_history",
            "current_account", "current_role", "current_user", "get_presigned_url", "build_scoped_file_url",
            "build_stage_file_url", "get_stage_location", "get_relative_path", "get_absolute_path");

    @Override
    public String id() {
        return "snowflake";
    }

    @Override
    public boolean doubleSlashComments() {
        return true;
    }

    @Override
    public RowLimitStyle rowLimitStyle() {
        return RowLimitStyle.LIMIT;
    }

    /** WEEK_START = 1 makes DATE_TRUNC('week') start on Monday like the other engines. */
    @Override
    public List<String> readOnlySessionSetup(String tenantSchema) {
        return List.of("ALTER SESSION SET WEEK_START = 1", "USE SCHEMA " + quoteIdentifier(upper(tenantSchema)),
                "BEGIN TRANSACTION");
    }

    @Override
    public List<String> readOnlySessionSetup(String tenantSchema, Duration timeout) {
        return List.of("ALTER SESSION SET WEEK_START = 1 STATEMENT_TIMEOUT_IN_SECONDS = "
                        + Math.max(1, timeout.toSeconds()),
                "USE SCHEMA " + quoteIdentifier(upper(tenantSchema)), "BEGIN TRANSACTION");
    }

    @Override
    public Set<String> deniedFunctions() {
        return DENIED;
    }

    @Override
    public Set<String> systemSchemas() {
        return union(super.systemSchemas(), "account_usage", "snowflake", "snowflake_sample_data", "_hub");
    }

    private static String upper(String name) {
        return name.toUpperCase(java.util.Locale.ROOT);
    }
}
