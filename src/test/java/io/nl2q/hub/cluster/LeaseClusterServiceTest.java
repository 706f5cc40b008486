package io.nl2q.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Leases on the app-state database (H2 here; PostgreSQL in TwoReplicaTest): one leader, bounded takeover. */
class LeaseClusterServiceTest {
    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:leases-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(h2);
    }

    @Test
    void aLeaseIsHeldByOneMemberUntilItExpiresOrIsReleased() {
        Leases leases = new Leases(jdbc);
        Duration lease = Duration.ofMillis(800);
        assertThat(leases.acquire("crm", "a", lease)).isTrue();
        assertThat(leases.acquire("crm", "b", lease)).isFalse();
        assertThat(leases.acquire("crm", "a", lease)).isTrue(); // renewed
        assertThat(leases.holder("crm")).contains("a");
        assertThat(leases.acquire("other", "b", lease)).isTrue(); // namespaces are independent

        // a holder that stops renewing (a replica that died) loses the lease once it expires
        long since = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> leases.acquire("crm", "b", lease));
        assertThat(Duration.ofNanos(System.nanoTime() - since)).isLessThan(Duration.ofMillis(1500));
        assertThat(leases.holder("crm")).contains("b");
        assertThat(leases.acquire("crm", "a", lease)).isFalse();

        leases.release("crm", "b");
        assertThat(leases.holder("crm")).isEmpty();
        assertThat(leases.acquire("crm", "a", lease)).isTrue();
    }

    @Test
    void aStoppingLeaderIsToldItLostLeadershipAndAnotherMemberTakesOver() throws Exception {
        ClusterProperties props = new ClusterProperties("a", Duration.ofSeconds(5), Duration.ofMillis(200));
        LeaseClusterService a = new LeaseClusterService(new Leases(jdbc), props);
        LeaseClusterService b = new LeaseClusterService(new Leases(jdbc),
                new ClusterProperties("b", Duration.ofSeconds(5), Duration.ofMillis(200)));
        try (DefaultCamelContext ca = new DefaultCamelContext(); DefaultCamelContext cb = new DefaultCamelContext()) {
            ca.addService(a);
            cb.addService(b);
            AtomicInteger losses = new AtomicInteger();
            new Leadership(a).onLoss("crm", losses::incrementAndGet);
            ca.start();
            await().atMost(Duration.ofSeconds(3)).until(() -> a.isLeader("crm"));
            Leadership bLeadership = new Leadership(b);
            bLeadership.onLoss("crm", () -> { });
            cb.start();
            await().atMost(Duration.ofSeconds(3)).until(() -> bLeadership.leader("crm").orElse("").equals("a"));
            assertThat(b.isLeader("crm")).isFalse();
            assertThat(losses).hasValue(0);

            long since = System.nanoTime();
            ca.stop(); // the lease is released, and the CDC listener's hook runs
            assertThat(losses).hasValue(1);
            await().atMost(Duration.ofSeconds(3)).until(() -> b.isLeader("crm"));
            // well within the lease (5 s): the released lease is taken at the next heartbeat
            assertThat(Duration.ofNanos(System.nanoTime() - since)).isLessThan(Duration.ofSeconds(2));
            assertThat(new Leases(jdbc).holder("crm")).contains("b");
        }
    }
}
