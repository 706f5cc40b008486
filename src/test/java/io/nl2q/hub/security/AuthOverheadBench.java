package io.nl2q.hub.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What authentication and rate limiting add to a request, per request: the API-key lookup (hash, indexed select,
 * last-used update on the H2 app-state database) and both token buckets (shared, in the same database), timed N times (default 20,000) after a
 * warm-up; prints p50 and p99. Run: {@code java -cp <test classpath> io.nl2q.hub.security.AuthOverheadBench [n]}.
 */
public final class AuthOverheadBench {
    private AuthOverheadBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:auth-bench;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.update("INSERT INTO tenant (tenant_id, name, schema_name, created_at) VALUES ('acme', 'ACME', 'acme', CURRENT_TIMESTAMP)");
        ApiKeyStore keys = new ApiKeyStore(jdbc);
        String key = ApiKeyAdmin.newKey();
        keys.ensure("acme", key, "bench", Set.of(Role.VIEWER));
        RateLimiter limiter = new RateLimiter(new RateLimitProperties(true,
                new RateLimitProperties.Limit(1_000_000_000L, Duration.ofHours(1)),
                new RateLimitProperties.Limit(1_000_000_000L, Duration.ofHours(1)), Map.of()),
                new io.nl2q.hub.cluster.SharedBuckets(jdbc));
        long[] nanos = new long[n];
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                Caller caller = keys.authenticate(key).orElseThrow();
                if (limiter.tryAcquire(caller).isPresent()) {
                    throw new IllegalStateException("limited");
                }
                nanos[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("authentication (API key) + rate limiting per request: p50 %.1f µs, p99 %.1f µs (n=%d)%n",
                nanos[n / 2] / 1e3, nanos[(int) (n * 0.99)] / 1e3, n);
    }
}
