package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A real PostgreSQL server started from the test JVM, loaded through the COPY sink. */
class PostgresWarehouseContractTest extends WarehouseContractTest {
    private EmbeddedPostgres postgres;

    @Override
    TenancyProperties.TenantConfig startAndLoad() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String ddl : WarehouseSchema.createStatements(Dialects.byId("postgresql"), "acme")) {
                    s.execute(ddl);
                }
                s.execute("CREATE SCHEMA globex");
                s.execute("CREATE TABLE globex.secret (a INTEGER)");
            }
            new DemoDataGenerator(SCALE, SEED).generate(new PostgresCopySink(c, "acme"));
            c.commit();
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new TenancyProperties.TenantConfig("acme", "Acme", "acme",
                new TenancyProperties.WarehouseConfig("postgresql", url, "postgres", null, 2), null, null);
    }

    @Override
    WarehouseProperties properties() {
        return new WarehouseProperties(null, null, null, null);
    }

    @Override
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aQueryPastItsTimeoutIsCancelledByTheServer() {
        assertThatThrownBy(() -> warehouse.query("SELECT COUNT(*) FROM rx_weekly a, rx_weekly b "
                + "WHERE a.trx + b.trx = -1", Duration.ofMillis(300), 10))
                .isInstanceOfSatisfying(HubException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
        assertThat(query("SELECT COUNT(*) FROM payer").rows()).hasSize(1);
    }

    @Test
    void anotherSchemaIsNeitherListedNorOnThePath() {
        assertThat(warehouse.tables()).doesNotContain("secret");
        assertThatThrownBy(() -> query("SELECT * FROM secret")).isInstanceOf(HubException.class);
    }
}
