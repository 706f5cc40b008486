package io.nl2q.hub.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.pipeline.GeneratedQuery;
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

/** The same engine over a retail model and schema: no code knows either domain. */
class OtherModelTest {
    @TempDir
    static Path dir;
    static DuckDbWarehouse warehouse;
    static DuckDbWarehouse otherTenant;
    static SemanticEngine engine;

    @BeforeAll
    static void toyWarehouse() throws Exception {
        Path file = dir.resolve("retail.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA shopco");
            s.execute("CREATE TABLE shopco.store (store_id VARCHAR PRIMARY KEY, store_name VARCHAR, district VARCHAR)");
            s.execute("CREATE TABLE shopco.item (item_id VARCHAR PRIMARY KEY, item_name VARCHAR, category VARCHAR)");
            s.execute("CREATE TABLE shopco.sale (sale_id INTEGER, sale_date DATE, store_id VARCHAR, item_id VARCHAR,"
                    + " amount DECIMAL(10,2), qty INTEGER)");
            s.execute("INSERT INTO shopco.store VALUES ('S1', 'Harbour Street', 'North'), ('S2', 'Mill Lane', 'South'),"
                    + " ('S3', 'Kings Road', 'North')");
            s.execute("INSERT INTO shopco.item VALUES ('I1', 'Espresso Machine', 'Kitchen'), ('I2', 'Desk Lamp', 'Home')");
            s.execute("INSERT INTO shopco.sale VALUES (1, DATE '2024-02-03', 'S1', 'I1', 300, 1),"
                    + " (2, DATE '2024-05-10', 'S2', 'I2', 40, 2), (3, DATE '2024-11-20', 'S3', 'I1', 600, 2),"
                    + " (4, DATE '2025-01-15', 'S1', 'I2', 20, 1)");
        }
        Path second = dir.resolve("retail2.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + second); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA martco");
            s.execute("CREATE TABLE martco.store (store_id VARCHAR, store_name VARCHAR, district VARCHAR)");
            s.execute("CREATE TABLE martco.item (item_id VARCHAR, item_name VARCHAR, category VARCHAR)");
            s.execute("CREATE TABLE martco.sale (sale_id INTEGER, sale_date DATE, store_id VARCHAR, item_id VARCHAR,"
                    + " amount DECIMAL(10,2), qty INTEGER)");
            s.execute("INSERT INTO martco.store VALUES ('M1', 'Quay Side', 'East')");
            s.execute("INSERT INTO martco.sale VALUES (1, DATE '2026-03-01', 'M1', 'I9', 10, 1)");
        }
        warehouse = new DuckDbWarehouse(file, "shopco");
        otherTenant = new DuckDbWarehouse(second, "martco");
        engine = SemanticEngine.load(Path.of("src/test/resources/semantic/other.yaml"));
    }

    @AfterAll
    static void close() throws Exception {
        warehouse.close();
        otherTenant.close();
    }

    private List<List<Object>> rows(String question) {
        GeneratedQuery q = engine.generate(question, warehouse);
        return warehouse.query(q.sql(), Duration.ofSeconds(10), 100).rows();
    }

    @Test
    void ranksBreaksDownAndListsInAnotherDomain() {
        assertThat(rows("top 2 stores by revenue in 2024")).extracting(r -> r.get(1))
                .containsExactly("Kings Road", "Harbour Street");
        assertThat(rows("turnover by district in 2024")).hasSize(2);
        assertThat(rows("list the stores in the North")).extracting(r -> r.get(1))
                .containsExactly("Harbour Street", "Kings Road");
        assertThat(rows("espresso machne units sold in 2024")).extracting(r -> r.get(0).toString()).containsExactly("3");
        assertThat(engine.generate("monthly revenue for Mill Lane in 2024", warehouse).chart().type())
                .isEqualTo("line");
    }

    @Test
    void readsValuesAndTheAsOfDateFromEachTenantsOwnWarehouse() {
        assertThat(engine.generate("revenue for Quay Side this year", otherTenant).explanation())
                .contains("2026-01-01 to 2026-03-01");
        assertThatThrownBy(() -> engine.generate("revenue for Quay Side this year", warehouse))
                .isInstanceOf(HubException.class).hasMessageContaining("Quay");
        assertThat(engine.generate("revenue this year", warehouse).explanation()).contains("2025-01-01 to 2025-01-15");
    }

    @Test
    void refusesWhatTheRetailModelDoesNotKnow() {
        assertThatThrownBy(() -> engine.generate("TRx for Tirosint in 2024", warehouse))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).suggestions()).contains("revenue by store in 2024"));
    }
}
