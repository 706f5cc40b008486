package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** last_used_at follows use, but is written at most once a minute per key (not on every request). */
class ApiKeyLastUsedTest {

    @Test
    void lastUsedIsWrittenOnFirstUseAndThenAtMostOncePerMinute() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:last-used;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.update("INSERT INTO tenant (tenant_id, name, schema_name, created_at) VALUES ('acme', 'ACME', 'acme', CURRENT_TIMESTAMP)");
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ApiKeyStore keys = new ApiKeyStore(jdbc, clock);
        keys.ensure("acme", "a-long-secret-key", "test", Set.of(Role.VIEWER));

        assertThat(keys.authenticate("a-long-secret-key")).isPresent();
        assertThat(lastUsed(jdbc)).isEqualTo(start);

        now[0] = start.plusSeconds(30);
        assertThat(keys.authenticate("a-long-secret-key")).isPresent();
        assertThat(lastUsed(jdbc)).as("within the minute: not written again").isEqualTo(start);

        now[0] = start.plusSeconds(61);
        assertThat(keys.authenticate("a-long-secret-key")).isPresent();
        assertThat(lastUsed(jdbc)).isEqualTo(start.plusSeconds(61));

        jdbc.update("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP");
        assertThat(keys.authenticate("a-long-secret-key")).as("revocation still takes effect at once").isEmpty();
    }

    private static Instant lastUsed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT last_used_at FROM api_key", Timestamp.class).toInstant();
    }
}
