package io.nl2q.hub.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * SQLite: one database file per tenant (no schemas), dates stored as ISO text, LIMIT, and {@code PRAGMA query_only}
 * for read-only answering. Weeks start on Monday: back six days, then forward to the next Monday ('weekday 1').
 */
final class SqliteDialect extends AnsiDialect {
    private static final Set<String> DENIED = union(Set.of(),
            "load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "sqlite_compileoption_get",
            "sqlite_compileoption_used", "sqlite_source_id", "randomblob", "zeroblob", "sqlite_offset");

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public boolean hasSchemas() {
        return false;
    }

    @Override
    public String createTemporaryTable(String name, String columnDefinitions) {
        return "CREATE TEMP TABLE " + name + " (" + columnDefinitions + ")";
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
        return IdentifierCase.AS_IS;
    }

    @Override
    public RowLimitStyle rowLimitStyle() {
        return RowLimitStyle.LIMIT;
    }

    @Override
    public String dateTrunc(TimeGrain grain, String x) {
        return switch (grain) {
            case DAY -> "date(" + x + ")";
            case WEEK -> "date(" + x + ", '-6 days', 'weekday 1')";
            case MONTH -> "date(" + x + ", 'start of month')";
            case QUARTER -> "date(" + x + ", 'start of month', '-' || ((CAST(strftime('%m', " + x
                    + ") AS INTEGER) - 1) % 3) || ' months')";
            case YEAR -> "date(" + x + ", 'start of year')";
        };
    }

    @Override
    public String datePart(TimeGrain part, String x) {
        return switch (part) {
            case YEAR -> "CAST(strftime('%Y', " + x + ") AS INTEGER)";
            case QUARTER -> "((CAST(strftime('%m', " + x + ") AS INTEGER) + 2) / 3)";
            case MONTH -> "CAST(strftime('%m', " + x + ") AS INTEGER)";
            default -> throw new IllegalArgumentException("no date part " + part);
        };
    }

    @Override
    public String dateLiteral(LocalDate date) {
        return "'" + date + "'";
    }

    /** SQLite has no date type: dates are stored, and so compared, as ISO text. */
    @Override
    public Object dateValue(LocalDate date) {
        return date.toString();
    }

    @Override
    public Object timestampValue(java.time.LocalDateTime at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(at);
    }

    /** The pool of answering connections stays query-only for its whole life; there is nothing to undo. */
    @Override
    public List<String> readOnlySessionSetup(String tenantSchema) {
        return List.of("PRAGMA query_only = 1");
    }

    @Override
    public List<String> readOnlySessionTeardown() {
        return List.of();
    }

    @Override
    public Set<String> deniedFunctions() {
        return DENIED;
    }

    @Override
    public Set<String> systemSchemas() {
        return Set.of("temp", "sqlite_master", "sqlite_schema", "sqlite_temp_master");
    }
}
