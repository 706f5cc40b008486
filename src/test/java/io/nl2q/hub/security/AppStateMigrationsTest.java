package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The app-state migrations run unchanged on H2 (embedded default) and a real PostgreSQL (production). */
class AppStateMigrationsTest {
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void migratesAndStoresKeysHashedOnPostgres() {
        exercise(postgres.getPostgresDatabase());
    }

    @Test
    void migratesAndStoresKeysHashedOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1");
        exercise(h2);
    }

    private static void exercise(DataSource dataSource) {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO tenant (tenant_id, name, schema_name, created_at) VALUES ('acme', 'ACME', 'acme', CURRENT_TIMESTAMP)");
        ApiKeyStore keys = new ApiKeyStore(jdbc);
        keys.ensure("acme", "secret-key-123", "test", Set.of(Role.VIEWER, Role.ANALYST));
        keys.ensure("acme", "secret-key-123", "test", Set.of(Role.VIEWER));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class)).isEqualTo(1);
        String stored = jdbc.queryForObject("SELECT key_hash FROM api_key", String.class);
        assertThat(stored).isEqualTo(ApiKeys.hash("secret-key-123")).doesNotContain("secret");
        assertThat(keys.authenticate("secret-key-123")).get()
                .satisfies(c -> {
                    assertThat(c.tenant().id()).isEqualTo("acme");
                    assertThat(c.roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.ANALYST);
                });
        assertThat(keys.authenticate("secret-key-124")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE last_used_at IS NOT NULL", Integer.class))
                .isEqualTo(1);

        jdbc.update("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP");
        assertThat(keys.authenticate("secret-key-123")).isEmpty();
    }
}
