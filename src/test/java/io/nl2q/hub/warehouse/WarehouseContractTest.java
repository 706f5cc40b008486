package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.warehouse.SqlDialect.TimeGrain;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same statements, rendered through each engine's dialect, over the same demo rows (scale 0.02, seed 42). The
 * expected answers are computed in plain Java from the generator's rows, so every engine that passes gives the
 * same answers as every other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WarehouseContractTest {
    static final double SCALE = 0.02;
    static final long SEED = 42;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static CollectingSink expected;
    private WarehouseRegistry registry;
    TenantWarehouse warehouse;
    SqlDialect dialect;

    /** Starts the engine, loads the demo rows of tenant acme, and returns the tenant's configuration. */
    abstract TenancyProperties.TenantConfig startAndLoad() throws Exception;

    abstract WarehouseProperties properties();

    void stop() throws Exception {
    }

    /** SQLite keeps dates as text. */
    String dateType() {
        return "date";
    }

    @BeforeAll
    void start() throws Exception {
        synchronized (WarehouseContractTest.class) {
            if (expected == null) {
                expected = CollectingSink.generate(SCALE, SEED);
            }
        }
        var tenant = startAndLoad();
        var tenancy = new TenancyProperties(List.of(tenant));
        registry = new WarehouseRegistry(tenancy, properties(),
                new DemoWarehouseInitializer(tenancy, properties(), new DemoProperties(false)), Duration.ofSeconds(5));
        warehouse = registry.forTenant("acme");
        dialect = warehouse.dialect();
    }

    @AfterAll
    void close() throws Exception {
        if (registry != null) {
            registry.close();
        }
        stop();
    }

    QueryResult query(String sql) {
        return warehouse.query(sql, TIMEOUT, 10_000);
    }

    @Test
    void tablesAreExactlyTheTenantSchemasEight() {
        assertThat(warehouse.tables()).containsExactlyInAnyOrder("territory", "hcp", "product", "payer",
                "rx_weekly", "call_activity", "hcp_target", "formulary");
    }

    @Test
    void everyTableHasTheGeneratedRowCount() {
        for (var table : WarehouseSchema.TABLES) {
            var result = query("SELECT COUNT(*) AS n FROM " + table.name());
            assertThat(result.columns()).containsExactly(new QueryResult.ResultColumn("n", "integer"));
            assertThat(result.rows()).as(table.name())
                    .containsExactly(List.of((long) expected.rows(table.name()).size()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TimeGrain.class)
    void dateTruncationAtEveryGrainGivesTheSameTotals(TimeGrain grain) {
        String period = dialect.dateTrunc(grain, "week_ending");
        var result = query("SELECT " + period + " AS period, SUM(trx) AS trx FROM rx_weekly WHERE week_ending >= "
                + dialect.dateLiteral(LocalDate.of(2025, 1, 1)) + " GROUP BY " + period + " ORDER BY period");
        assertThat(result.columns()).containsExactly(new QueryResult.ResultColumn("period", dateType()),
                new QueryResult.ResultColumn("trx", "integer"));
        var totals = new TreeMap<String, Long>();
        for (var row : expected.rows("rx_weekly")) {
            LocalDate week = (LocalDate) row.get(0);
            if (!week.isBefore(LocalDate.of(2025, 1, 1))) {
                totals.merge(truncate(grain, week).toString(), (long) (Integer) row.get(4), Long::sum);
            }
        }
        assertThat(result.rows()).isEqualTo(asRows(totals));
    }

    @Test
    void dateLiteralsQuotingAndRowLimits() {
        var result = query(dialect.withRowLimit("SELECT p.product_name AS " + dialect.quoteIdentifier("Brand Name")
                + ", COUNT(*) AS " + dialect.quoteIdentifier("rows") + " FROM rx_weekly r JOIN "
                + dialect.quoteIdentifier("product") + " p ON p.product_id = r.product_id WHERE r.week_ending = "
                + dialect.dateLiteral(LocalDate.of(2025, 12, 26)) + " GROUP BY p.product_name ORDER BY 2 DESC, 1", 3));
        assertThat(result.columns()).extracting(QueryResult.ResultColumn::name).containsExactly("Brand Name", "rows");
        var counts = new TreeMap<String, Long>();
        Map<Object, Object> names = new TreeMap<>();
        expected.rows("product").forEach(p -> names.put(p.get(0), p.get(1)));
        expected.rows("rx_weekly").stream().filter(r -> r.get(0).equals(LocalDate.of(2025, 12, 26)))
                .forEach(r -> counts.merge((String) names.get(r.get(2)), 1L, Long::sum));
        var top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
        assertThat(result.rows()).isEqualTo(top);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void moreRowsThanTheCapAreTruncated() {
        var result = warehouse.query("SELECT hcp_id FROM hcp ORDER BY hcp_id", TIMEOUT, 10);
        assertThat(result.truncated()).isTrue();
        assertThat(result.rows()).hasSize(10).first().isEqualTo(List.of("H000001"));
        assertThat(warehouse.query("SELECT hcp_id FROM hcp", TIMEOUT, 120).truncated()).isFalse();
    }

    @Test
    void answeringSessionsAreReadOnly() {
        for (String write : List.of("INSERT INTO payer (payer_id, payer_name, channel) VALUES ('Y9', 'X', 'Cash')",
                "UPDATE rx_weekly SET trx = 0", "DELETE FROM hcp", "CREATE TABLE intruder (a INTEGER)",
                "DROP TABLE payer")) {
            assertThatThrownBy(() -> query(write)).as(write).isInstanceOfSatisfying(HubException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
        }
        assertThat(query("SELECT COUNT(*) FROM payer").rows()).containsExactly(List.of(8L));
        assertThat(query("SELECT COUNT(*) FROM hcp").rows()).containsExactly(List.of(120L));
    }

    @Test
    void aWrongStatementIsAnInvalidQueryWithTheDriversFirstLine() {
        assertThatThrownBy(() -> query("SELECT no_such_column FROM hcp")).isInstanceOfSatisfying(HubException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY);
                    assertThat(e.getMessage()).contains("no_such_column").doesNotContain("\n");
                });
        assertThat(query("SELECT COUNT(*) FROM territory").rows()).containsExactly(List.of(30L));
    }

    static LocalDate truncate(TimeGrain grain, LocalDate day) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    private static List<List<Object>> asRows(Map<String, Long> totals) {
        var rows = new ArrayList<List<Object>>();
        totals.forEach((k, v) -> rows.add(List.of(k, v)));
        return rows;
    }
}
