package io.nl2q.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.events.HubEvents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two hub replicas in one JVM, on ports of their own, sharing one real PostgreSQL app state and one Kafka broker, as
 * behind a load balancer in production: a tenant's rate limit holds across both, a data change announced by one
 * clears the other's cached answers, a partner file is loaded by one of them once, a scheduled export runs once per fire time, and the CRM pull runs on one replica only and moves to the other when it stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicaTest {
    static final String QUESTION = "How many prescribers are there?";
    static final Path BOAST = Path.of("target/test-data/replicas/boast");
    static EmbeddedPostgres postgres;
    static EmbeddedKafkaKraftBroker kafka;
    static Replica a;
    static Replica b;

    @BeforeAll
    static void startReplicas() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        kafka = new EmbeddedKafkaKraftBroker(1, 2, "nl2q.hub-events");
        kafka.afterPropertiesSet();
        Map<String, Object> shared = new HashMap<>(settings(postgres.getJdbcUrl("postgres", "postgres"),
                kafka.getBrokersAsString()));
        a = Replica.start("replica-a", shared);
        b = Replica.start("replica-b", shared);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Replica r : new Replica[] {a, b}) {
            if (r != null) {
                r.close();
            }
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aTenantsRateLimitIsGlobalAcrossReplicas() {
        // umbrella: 6 requests a day for the tenant, 4 per key; ten requests spread over both replicas and both keys
        int passed = 0;
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            HubHttp replica = i % 2 == 0 ? a.http : b.http;
            String key = i < 5 ? "umbrella-key-one" : "umbrella-key-two";
            HubHttp.Reply reply = replica.get("/api/v1/me", key);
            if (reply.status() == 200) {
                passed++;
            } else {
                assertThat(reply.status()).isEqualTo(429);
                assertThat(reply.errorCode()).isEqualTo("RATE_LIMITED");
                refused++;
            }
        }
        // per-replica buckets would have let 8 through (4 per key, each replica well under the tenant's 6)
        assertThat(passed).isEqualTo(6);
        assertThat(refused).isEqualTo(4);
    }

    @Test
    @Order(2)
    void aDataChangeAnnouncedByOneReplicaClearsTheOthersCachedAnswers() {
        HubHttp.Reply first = b.http.ask("acme-demo-key", QUESTION);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(b.http.ask("acme-demo-key", QUESTION).json().path("cached").asBoolean()).isTrue();

        a.bean(HubEvents.class).dataChanged("acme", Set.of("hcp", "prescriber", "rx_fact"), "replica-test");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                b.http.ask("acme-demo-key", QUESTION).json().path("cached").asBoolean()).isFalse());
    }

    @Test
    @Order(3)
    void aBoastFileDroppedOnceIsLoadedOnceByOneReplica() throws Exception {
        // both replicas poll the same partner folders (their SFTP servers serve one root, as one partner server would)
        String name = String.format("hcp_targets_%08d.csv", System.currentTimeMillis() % 100_000_000);
        List<String> npis = new java.util.ArrayList<>();
        a.http.sql("acme-demo-key", "SELECT npi FROM hcp ORDER BY hcp_id LIMIT 10").json().path("rows")
                .forEach(row -> npis.add(row.get(0).asText()));
        assertThat(npis).hasSize(10);
        StringBuilder csv = new StringBuilder("npi,product_name,tier,effective_date\n");
        for (int i = 0; i < npis.size(); i++) {
            csv.append(npis.get(i)).append(",Tirosint,").append("ABC".charAt(i % 3)).append(",2025-01-03\n");
        }
        Path outbox = Files.createDirectories(BOAST.resolve("acme/outbox"));
        Files.writeString(outbox.resolve(name + ".part"), csv);
        Files.move(outbox.resolve(name + ".part"), outbox.resolve(name));

        Path done = BOAST.resolve("acme/done").resolve(LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE))
                .resolve(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(done));
        String count = "SELECT COUNT(*) FROM hcp_target WHERE source_file = '" + name + "'";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(a, count) + rows(b, count))
                .isEqualTo(10));
        assertThat(List.of(rows(a, count), rows(b, count))).containsExactlyInAnyOrder(10L, 0L);
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(postgres.getPostgresDatabase()).queryForObject(
                "SELECT COUNT(*) FROM boast_loaded_file WHERE messageId LIKE ?", Integer.class, name + ":%"))
                .isEqualTo(1);
        assertThat(Files.exists(outbox.resolve(name))).isFalse();
    }

    private static long rows(Replica replica, String sql) {
        HubHttp.Reply reply = replica.http.sql("acme-demo-key", sql);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("rows").get(0).get(0).asLong();
    }

    @Test
    @Order(4)
    void aScheduledExportRunsOncePerFireTime() {
        // the export cron fires every 2 s on both replicas' clustered Quartz (one job store, the shared app state)
        String route = "boast-outbound-schedule";
        await().atMost(Duration.ofSeconds(10)).until(() -> a.exchanges(route) + b.exchanges(route) >= 1);
        long before = a.exchanges(route) + b.exchanges(route);
        long since = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
        long runs = a.exchanges(route) + b.exchanges(route) - before;
        long fireTimes = Duration.ofNanos(System.nanoTime() - since).toSeconds() / 2;
        System.out.printf("export schedule: %d runs (a %d, b %d in all) for %d fire times%n", runs,
                a.exchanges(route), b.exchanges(route), fireTimes);
        // each replica firing on its own would have run about twice per fire time
        assertThat(runs).isBetween(fireTimes - 1, fireTimes + 1);
    }

    @Test
    @Order(5)
    void theCrmPullRunsOnOneReplicaAndMovesToTheOtherWhenItStops() {
        String route = "crm-veeva-inbound";
        await().atMost(Duration.ofSeconds(15)).until(() -> a.routeStarted(route) != b.routeStarted(route));
        Replica leader = a.routeStarted(route) ? a : b;
        Replica follower = leader == a ? b : a;
        long followerRuns = follower.exchanges(route);
        await().atMost(Duration.ofSeconds(10)).until(() -> leader.exchanges(route) >= 3);
        assertThat(follower.routeStarted(route)).isFalse();
        assertThat(follower.exchanges(route)).isEqualTo(followerRuns);
        assertThat(leader.bean(Leadership.class).leader("crm")).contains(leader.name);
        assertThat(follower.bean(Leadership.class).leader("crm")).contains(leader.name);

        long stoppedAt = System.nanoTime();
        leader.close(); // a graceful stop: its lease is given up, so the follower need not wait for it to expire
        long closedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> follower.exchanges(route) > followerRuns);
        System.out.printf("CRM pull moved from %s to %s: %d ms after its stop began, %d ms after it ended%n",
                leader.name, follower.name, (System.nanoTime() - stoppedAt) / 1_000_000,
                (System.nanoTime() - closedAt) / 1_000_000);
        assertThat(follower.routeStarted(route)).isTrue();
        assertThat(follower.bean(Leadership.class).leader("crm")).contains(follower.name);
    }

    private static Map<String, Object> settings(String stateUrl, String brokers) {
        Map<String, Object> p = new HashMap<>();
        p.put("test.kafka.brokers", brokers);
        p.put("spring.datasource.url", stateUrl);
        p.put("hub.cluster.lease", "4s");
        p.put("hub.cluster.heartbeat", "500ms");
        p.put("hub.events.publish-uri", "kafka:nl2q.hub-events?brokers=" + brokers);
        p.put("hub.security.oidc.enabled", "false");
        tenant(p, 0, "acme", "duckdb", List.of("acme-demo-key"));
        p.put("hub.tenancy.tenants[0].demo.scale", "0.01");
        p.put("hub.tenancy.tenants[0].demo.seed", "42");
        tenant(p, 1, "umbrella", "postgresql", List.of("umbrella-key-one", "umbrella-key-two"));
        p.put("hub.tenancy.tenants[1].warehouse.url", "jdbc:postgresql://127.0.0.1:1/umbrella?connectTimeout=2");
        p.put("hub.tenancy.tenants[1].warehouse.username", "umbrella");
        p.put("hub.tenancy.tenants[1].warehouse.password", "unused");
        p.put("hub.security.rate-limits.tenants.umbrella.tenant.capacity", "6");
        p.put("hub.security.rate-limits.tenants.umbrella.tenant.period", "1d");
        p.put("hub.security.rate-limits.tenants.umbrella.key.capacity", "4");
        p.put("hub.security.rate-limits.tenants.umbrella.key.period", "1d");
        // the CRM schedules on (no org connected: each firing finds no tenant), firing every second
        p.put("hub.crm.enabled", "true");
        p.put("hub.crm.inbound-period", "1s");
        p.put("hub.crm.inbound-delay", "0s");
        p.put("hub.boast.sftp.port", "0");
        p.put("hub.boast.outbound.cron", "0/2 * * * * ?");
        p.put("hub.boast.exports[0].name", "replica_tiers");
        p.put("hub.boast.exports[0].tenant", "acme");
        p.put("hub.boast.exports[0].sql", "SELECT tier, COUNT(*) AS hcps FROM hcp_target GROUP BY tier ORDER BY tier");
        p.put("hub.boast.sftp.root", "target/test-data/replicas/boast");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", "1");
        p.put("logging.level.org.apache.kafka", "WARN");
        p.put("logging.level.kafka", "WARN");
        p.put("logging.level.state.change.logger", "WARN");
        return p;
    }

    private static void tenant(Map<String, Object> p, int i, String id, String dialect, List<String> keys) {
        String t = "hub.tenancy.tenants[" + i + "].";
        p.put(t + "id", id);
        p.put(t + "schema", id);
        p.put(t + "warehouse.dialect", dialect);
        for (int k = 0; k < keys.size(); k++) {
            p.put(t + "api-keys[" + k + "].key", keys.get(k));
            p.put(t + "api-keys[" + k + "].roles", "viewer,analyst,admin,operator,integration");
        }
    }
}
