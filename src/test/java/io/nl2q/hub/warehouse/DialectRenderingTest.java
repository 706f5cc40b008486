package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Golden strings for the engines the contract test cannot start here (Snowflake, SQL Server). */
class DialectRenderingTest {
    private static final LocalDate DAY = LocalDate.of(2025, 12, 26);

    @Test
    void lookupByIdIsCaseInsensitiveAndRejectsUnknownEngines() {
        assertThat(Dialects.byId("DuckDB").id()).isEqualTo("duckdb");
        assertThat(Dialects.byId("postgres").id()).isEqualTo("postgresql");
        assertThat(Dialects.byId(null).id()).isEqualTo("duckdb");
        assertThat(Dialects.all()).extracting(SqlDialect::id)
                .containsExactly("duckdb", "postgresql", "snowflake", "sqlserver", "sqlite");
        assertThatThrownBy(() -> Dialects.byId("oracle")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snowflakeForms() {
        SqlDialect d = Dialects.byId("snowflake");
        assertThat(d.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(d.identifierCase()).isEqualTo(SqlDialect.IdentifierCase.UPPER);
        assertThat(d.dateTrunc(TimeGrain.QUARTER, "week_ending"))
                .isEqualTo("CAST(DATE_TRUNC('quarter', week_ending) AS DATE)");
        assertThat(d.dateLiteral(DAY)).isEqualTo("DATE '2025-12-26'");
        assertThat(d.withRowLimit("SELECT a FROM t", 5)).isEqualTo("SELECT a FROM t LIMIT 5");
        assertThat(d.readOnlySessionSetup("acme", Duration.ofSeconds(30))).containsExactly(
                "ALTER SESSION SET WEEK_START = 1 STATEMENT_TIMEOUT_IN_SECONDS = 30", "USE SCHEMA \"ACME\"",
                "BEGIN TRANSACTION");
        assertThat(d.readOnlySessionTeardown()).containsExactly("ROLLBACK");
        assertThat(d.deniedFunctions()).contains("system$wait", "result_scan");
        assertThat(d.systemSchemas()).contains("information_schema", "account_usage");
    }

    @Test
    void sqlServerForms() {
        SqlDialect d = Dialects.byId("sqlserver");
        assertThat(d.quoteIdentifier("Brand ]Name")).isEqualTo("[Brand ]]Name]");
        assertThat(d.withRowLimit("SELECT DISTINCT a FROM t ORDER BY a", 10))
                .isEqualTo("SELECT DISTINCT TOP 10 a FROM t ORDER BY a");
        assertThat(d.withRowLimit("select a from t", 3)).isEqualTo("SELECT TOP 3 a from t");
        assertThat(d.dateTrunc(TimeGrain.DAY, "x")).isEqualTo("CAST(x AS DATE)");
        assertThat(d.dateTrunc(TimeGrain.WEEK, "x"))
                .isEqualTo("DATEADD(day, -((DATEPART(weekday, x) + @@DATEFIRST - 2) % 7), CAST(x AS DATE))");
        assertThat(d.dateTrunc(TimeGrain.MONTH, "x")).isEqualTo("DATEFROMPARTS(YEAR(x), MONTH(x), 1)");
        assertThat(d.dateTrunc(TimeGrain.QUARTER, "x"))
                .isEqualTo("DATEFROMPARTS(YEAR(x), (DATEPART(quarter, x) - 1) * 3 + 1, 1)");
        assertThat(d.dateTrunc(TimeGrain.YEAR, "x")).isEqualTo("DATEFROMPARTS(YEAR(x), 1, 1)");
        assertThat(d.dateLiteral(DAY)).isEqualTo("CAST('2025-12-26' AS DATE)");
        assertThat(d.readOnlySessionTeardown()).containsExactly("IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION");
        assertThat(d.columnType(SqlDialect.ColumnType.BOOLEAN, 0)).isEqualTo("BIT");
        assertThat(d.columnType(SqlDialect.ColumnType.VARCHAR, 0)).isEqualTo("VARCHAR(255)");
        assertThat(d.deniedFunctions()).contains("openrowset", "xp_cmdshell");
        assertThat(d.systemSchemas()).contains("sys", "information_schema");
    }

    @Test
    void engineSessionsAndDenials() {
        assertThat(Dialects.byId("duckdb").readOnlySessionSetup("acme"))
                .containsExactly("BEGIN TRANSACTION READ ONLY", "SET search_path = 'acme'");
        assertThat(Dialects.byId("postgresql").readOnlySessionSetup("acme", Duration.ofMillis(1500)))
                .containsExactly("BEGIN READ ONLY", "SET LOCAL search_path TO \"acme\"",
                        "SET LOCAL statement_timeout = 1500");
        assertThat(Dialects.byId("sqlite").readOnlySessionSetup("acme")).containsExactly("PRAGMA query_only = 1");
        assertThat(Dialects.byId("sqlite").dateTrunc(TimeGrain.WEEK, "d")).isEqualTo("date(d, '-6 days', 'weekday 1')");
        assertThat(Dialects.byId("duckdb").deniedFunctions()).contains("read_csv", "read_parquet", "glob");
        assertThat(Dialects.byId("postgresql").deniedFunctions()).contains("pg_read_file", "pg_sleep", "dblink");
        assertThat(Dialects.byId("sqlite").deniedFunctions()).contains("load_extension");
        assertThat(Dialects.byId("duckdb").systemSchemas()).contains("_hub", "information_schema");
    }

    @Test
    void ddlDeclaresPrimaryKeysInEveryDialect() {
        var duck = WarehouseSchema.createStatements(Dialects.byId("duckdb"), "acme");
        assertThat(duck).hasSize(9).first().isEqualTo("CREATE SCHEMA \"acme\"");
        assertThat(duck).anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE \"acme\".rx_weekly (week_ending DATE NOT NULL")
                .endsWith("PRIMARY KEY (week_ending, hcp_id, product_id, payer_id))"));
        var sqlite = WarehouseSchema.createStatements(Dialects.byId("sqlite"), "acme");
        assertThat(sqlite).hasSize(8).allSatisfy(s -> assertThat(s).startsWith("CREATE TABLE ").contains("PRIMARY KEY"));
        assertThat(WarehouseSchema.createStatements(Dialects.byId("sqlserver"), "acme"))
                .anySatisfy(s -> assertThat(s).contains("is_promoted BIT NOT NULL"));
    }
}
