package io.nl2q.hub.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What differs between the SQL engines a tenant's warehouse can live on. Implementations override only what differs
 * from {@link AnsiDialect}; the guard and the query compiler render SQL through this interface only.
 */
public interface SqlDialect {

    /** Stable id used in configuration: duckdb, postgresql, snowflake, sqlserver, sqlite. */
    String id();

    /** The identifier quoted for this engine, embedded quotes escaped. */
    String quoteIdentifier(String identifier);

    /** How this engine spells an unquoted identifier once it is stored (PostgreSQL folds to lower, Snowflake to upper). */
    IdentifierCase identifierCase();

    /** How a row limit is written: LIMIT n, TOP n, or FETCH FIRST n ROWS ONLY. */
    RowLimitStyle rowLimitStyle();

    /** An expression truncating a date expression to the start of its week/month/quarter/year. */
    String dateTrunc(TimeGrain grain, String dateExpression);

    /** An integer expression: the year, quarter (1-4) or month (1-12) of a date expression. */
    default String datePart(TimeGrain part, String dateExpression) {
        return "CAST(EXTRACT(" + part.name() + " FROM " + dateExpression + ") AS INTEGER)";
    }

    /** A date literal. */
    String dateLiteral(LocalDate date);

    /** A date as this engine's driver takes it for a {@code ?} placeholder. */
    default Object dateValue(LocalDate date) {
        return date;
    }

    /** A timestamp (UTC, no zone) as this engine's driver takes it for a {@code ?} placeholder. */
    default Object timestampValue(java.time.LocalDateTime at) {
        return java.sql.Timestamp.valueOf(at);
    }

    /**
     * Statements run on a freshly borrowed answering connection, before the guarded query: read-only transaction,
     * search path bound to the tenant schema.
     */
    List<String> readOnlySessionSetup(String tenantSchema);

    /** Statements run after the guarded query, to close what {@link #readOnlySessionSetup} opened. */
    List<String> readOnlySessionTeardown();

    /**
     * The read-only session setup with the engine's own statement timeout where it has one (PostgreSQL, Snowflake);
     * engines without one rely on {@link java.sql.Statement#setQueryTimeout}.
     */
    default List<String> readOnlySessionSetup(String tenantSchema, java.time.Duration timeout) {
        return readOnlySessionSetup(tenantSchema);
    }

    /** {@code select} with at most {@code rows} rows, written in this engine's {@link #rowLimitStyle()}. */
    default String withRowLimit(String select, int rows) {
        return switch (rowLimitStyle()) {
            case LIMIT -> select + " LIMIT " + rows;
            case FETCH_FIRST -> select + " FETCH FIRST " + rows + " ROWS ONLY";
            case TOP -> select.replaceFirst("(?i)^\\s*SELECT(\\s+DISTINCT)?\\s", "SELECT$1 TOP " + rows + " ");
        };
    }

    /** The column type name this engine uses in DDL; {@code length} 0 means unbounded. */
    default String columnType(ColumnType type, int length) {
        return switch (type) {
            case VARCHAR -> length == 0 ? "VARCHAR" : "VARCHAR(" + length + ")";
            case CHAR -> "CHAR(" + length + ")";
            case INTEGER -> "INTEGER";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
        };
    }

    /** Function names (lower case) that touch files, the network, settings or the system on this engine. */
    Set<String> deniedFunctions();

    /** Schema names (lower case) that belong to the engine itself and are never visible to tenants. */
    Set<String> systemSchemas();

    /** Whether {@code [name]} quotes an identifier (SQL Server), so the guard parses and lexes brackets as names. */
    default boolean bracketQuotedIdentifiers() {
        return false;
    }

    /** Whether {@code //} starts a comment outside quotes (Snowflake), which the guard must then refuse. */
    default boolean doubleSlashComments() {
        return false;
    }

    /** The engine's own reader the guard asks to confirm a rendered statement is exactly one SELECT. */
    default EngineCheck engineCheck() {
        return EngineCheck.NONE;
    }

    /** Whether tables live in schemas; SQLite's tenants are files with none. */
    default boolean hasSchemas() {
        return true;
    }

    /** A tenant table by its (already safe) name: schema-qualified where the engine has schemas. */
    default String qualifiedTable(String schema, String table) {
        return hasSchemas() ? quoteIdentifier(schema) + "." + table : table;
    }

    /** How loaders bulk-write rows into a staging table on this engine. */
    default BulkWrite bulkWrite() {
        return BulkWrite.BATCHED_INSERTS;
    }

    /** A session-private table's name in SQL (SQL Server's temporary tables start with #). */
    default String temporaryTable(String name) {
        return name;
    }

    /** DDL creating the session-private table {@code name} with {@code columnDefinitions}. */
    default String createTemporaryTable(String name, String columnDefinitions) {
        return "CREATE TEMPORARY TABLE " + temporaryTable(name) + " (" + columnDefinitions + ")";
    }

    /**
     * Whether {@code INSERT OR REPLACE} replaces the row of the same key (SQLite, DuckDB); engines without it get
     * a MERGE.
     */
    default boolean insertOrReplace() {
        return false;
    }

    /** A MERGE as this engine accepts it (SQL Server requires the terminating semicolon). */
    default String merge(String mergeStatement) {
        return mergeStatement;
    }

    /**
     * Whether rolling back removes a temporary table created in the transaction; where not known to (Snowflake
     * commits around DDL), loaders drop it explicitly.
     */
    default boolean rollbackDropsTemporaryTables() {
        return false;
    }

    enum IdentifierCase { LOWER, UPPER, AS_IS }

    enum RowLimitStyle { LIMIT, TOP, FETCH_FIRST }

    enum TimeGrain { DAY, WEEK, MONTH, QUARTER, YEAR }

    enum ColumnType { VARCHAR, CHAR, INTEGER, BOOLEAN, DATE }

    /** DuckDB's parser (json_serialize_sql), the PostgreSQL driver's statement splitter, or none to ask. */
    enum EngineCheck { DUCKDB_PARSER, POSTGRESQL_DRIVER, NONE }

    /** DuckDB's appender, PostgreSQL's COPY, or batched JDBC INSERTs. */
    enum BulkWrite { APPENDER, COPY, BATCHED_INSERTS }
}
