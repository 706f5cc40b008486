package io.nl2q.hub.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * SQL Server 2012+: [bracket] quoting, TOP n, DATEFROMPARTS truncation. It has neither a read-only transaction nor a
 * search path: the login's default schema must be the tenant schema and its role db_datareader; the query still
 * runs in a transaction that is rolled back.
 */
final class SqlServerDialect extends AnsiDialect {
    private static final Set<String> DENIED = union(Set.of(),
            "openrowset", "opendatasource", "openquery", "openxml", "xp_cmdshell", "xp_dirtree", "xp_fileexist",
            "xp_regread", "sp_executesql", "sp_oacreate", "fn_get_audit_file", "fn_xe_file_target_read_file",
            "fn_trace_gettable", "host_name", "suser_sname", "system_user", "is_srvrolemember", "serverproperty",
            "databasepropertyex", "db_name", "app_name");

    @Override
    public String id() {
        return "sqlserver";
    }

    @Override
    public boolean bracketQuotedIdentifiers() {
        return true;
    }

    @Override
    public String temporaryTable(String name) {
        return "#" + name;
    }

    @Override
    public String createTemporaryTable(String name, String columnDefinitions) {
        return "CREATE TABLE " + temporaryTable(name) + " (" + columnDefinitions + ")";
    }

    @Override
    public String merge(String mergeStatement) {
        return mergeStatement + ";";
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '[' + identifier.replace("]", "]]") + ']';
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.AS_IS;
    }

    @Override
    public RowLimitStyle rowLimitStyle() {
        return RowLimitStyle.TOP;
    }

    /** The week expression subtracts the days since Monday whatever the session's DATEFIRST is. */
    @Override
    public String dateTrunc(TimeGrain grain, String x) {
        return switch (grain) {
            case DAY -> "CAST(" + x + " AS DATE)";
            case WEEK -> "DATEADD(day, -((DATEPART(weekday, " + x + ") + @@DATEFIRST - 2) % 7), CAST(" + x
                    + " AS DATE))";
            case MONTH -> "DATEFROMPARTS(YEAR(" + x + "), MONTH(" + x + "), 1)";
            case QUARTER -> "DATEFROMPARTS(YEAR(" + x + "), (DATEPART(quarter, " + x + ") - 1) * 3 + 1, 1)";
            case YEAR -> "DATEFROMPARTS(YEAR(" + x + "), 1, 1)";
        };
    }

    @Override
    public String datePart(TimeGrain part, String x) {
        return "DATEPART(" + part.name().toLowerCase(java.util.Locale.ROOT) + ", " + x + ")";
    }

    @Override
    public String dateLiteral(LocalDate date) {
        return "CAST('" + date + "' AS DATE)";
    }

    @Override
    public List<String> readOnlySessionSetup(String tenantSchema) {
        return List.of("SET XACT_ABORT ON", "BEGIN TRANSACTION");
    }

    @Override
    public List<String> readOnlySessionTeardown() {
        return List.of("IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION");
    }

    @Override
    public String columnType(ColumnType type, int length) {
        return switch (type) {
            case VARCHAR -> "VARCHAR(" + (length == 0 ? 255 : length) + ")";
            case BOOLEAN -> "BIT";
            default -> super.columnType(type, length);
        };
    }

    @Override
    public Set<String> deniedFunctions() {
        return DENIED;
    }

    @Override
    public Set<String> systemSchemas() {
        return union(super.systemSchemas(), "sys", "guest", "db_owner", "db_accessadmin", "db_datareader",
                "db_datawriter", "db_ddladmin", "db_securityadmin", "db_backupoperator", "db_denydatareader",
                "db_denydatawriter", "_hub");
    }
}
