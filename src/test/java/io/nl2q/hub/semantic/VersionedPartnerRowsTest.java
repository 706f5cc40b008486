package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.guard.GuardContext;
import io.nl2q.hub.guard.SqlGuard;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.warehouse.QueryResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner re-issues its targeting list with a new effective date: the second file's rows sit beside the first's
 * (the key holds the date), and every answer reads only the latest version of each HCP x product, never both.
 */
class VersionedPartnerRowsTest {
    @TempDir
    static Path dir;
    static DuckDbWarehouse reissued;
    static SemanticEngine engine;

    @BeforeAll
    static void reissueTheTargets() throws Exception {
        Path file = dir.resolve("warehouse-acme.duckdb");
        Files.copy(DemoWarehouses.acme(), file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            // July's file moves every Tirosint target to tier C
            st.execute("INSERT INTO acme.hcp_target SELECT hcp_id, product_id, 'C', DATE '2025-07-01',"
                    + " 'hcp_targets_20250701.csv' FROM acme.hcp_target WHERE product_id = 'P01'");
        }
        reissued = new DuckDbWarehouse(file, DemoWarehouses.SCHEMA);
        engine = SemanticEngine.load(Path.of("config/semantic/pharma.yaml"));
    }

    @AfterAll
    static void close() throws Exception {
        reissued.close();
    }

    @Test
    void prescriptionsByTierCountEachPrescriptionOnceUnderTheLatestTier() {
        GeneratedQuery q = engine.generate("Tirosint TRx by target tier in Q3 2025", reissued);
        QueryResult rows = read(q);
        QueryResult gold = reissued.query("SELECT 'C', SUM(r.trx) FROM rx_weekly r JOIN product p ON p.product_id ="
                + " r.product_id WHERE p.product_name = 'Tirosint' AND r.week_ending BETWEEN DATE '2025-07-01' AND"
                + " DATE '2025-09-30' AND r.hcp_id IN (SELECT hcp_id FROM hcp_target WHERE product_id = 'P01')",
                List.of(), Duration.ofSeconds(30), 10);
        assertThat(rows.rows()).isEqualTo(gold.rows());
    }

    @Test
    void targetsAreCountedByTheirLatestTier() {
        QueryResult a = read(engine.generate("how many Tirosint tier A targets are there", reissued));
        assertThat(a.rows().get(0).get(0)).isEqualTo(0L);
        QueryResult c = read(engine.generate("how many Tirosint tier C targets are there", reissued));
        QueryResult all = reissued.query("SELECT COUNT(DISTINCT hcp_id) FROM hcp_target WHERE product_id = 'P01'",
                List.of(), Duration.ofSeconds(30), 10);
        assertThat(c.rows()).isEqualTo(all.rows());
    }

    /** Through the real guard, as the hub runs it. */
    private static QueryResult read(GeneratedQuery q) {
        String guarded = new SqlGuard().check(q.sql(), new GuardContext(reissued.tenant(), reissued.tables(),
                reissued.dialect(), 100)).sql();
        return reissued.query(guarded, List.of(), Duration.ofSeconds(30), 100);
    }
}
