package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.reports.SavedQuestions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route powerbi-push's job where Power BI fails the way it does: a 403 TokenExpired (P1), rows stored and then
 * answered 5xx (P2), a Retry-After of an hour (P4), short-lived tokens (P6), and a restart within the push windows.
 */
@HubTest
class PowerBiPushFailuresTest {
    private static final String SQL = "SELECT hcp_id, specialty, decile FROM hcp";
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SavedQuestions saved;
    @Autowired
    FeedQueries queries;
    PowerBiStub stub;
    FakeClock clock;
    long hcps;

    @BeforeEach
    void setUp() {
        clock = new FakeClock();
        stub = new PowerBiStub(clock::now);
        saved.save("acme", "tirosint_writers", null, SQL);
        jdbc.update("DELETE FROM powerbi_push_run");
        jdbc.update("DELETE FROM powerbi_push_post");
        hcps = ((Number) queries.rows(PowerBiPushTest.caller(), "SELECT COUNT(*) FROM hcp", 1).rows().get(0).get(0))
                .longValue();
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private PushJob job(PushProperties props, PushClock time) {
        return new PushJob(new PowerBiApi(props, time), new PushLimiter(props.postsPerMinute(), props.rowsPerHour(),
                props.maxPending(), time, new PushPostLog(jdbc)), new PushRuns(jdbc), props, time);
    }

    private static PushProperties.Binding binding(PushProperties.Mode mode) {
        return new PushProperties.Binding("writers", "acme", "tirosint_writers", PowerBiStub.GROUP, null, null, mode);
    }

    private PushSource source() {
        return new SavedQuestionSource(PowerBiPushTest.caller(), SQL, queries);
    }

    /** The saved question's rows, with {@code atRead} run before the given read. */
    private PushSource source(int read, Runnable atRead) {
        AtomicInteger reads = new AtomicInteger();
        PushSource real = source();
        return new PushSource() {
            @Override
            public List<PushColumn> columns() {
                return real.columns();
            }

            @Override
            public List<List<Object>> read(long offset, int limit) {
                if (reads.incrementAndGet() == read) {
                    atRead.run();
                }
                return real.read(offset, limit);
            }
        };
    }

    private List<JsonNode> table() {
        return stub.table(PowerBiStub.DATASET, "tirosint_writers");
    }

    private long distinct() {
        return table().stream().map(r -> r.path("hcp_id").asText()).distinct().count();
    }

    @Test
    void a403TokenExpiredRenewsTheTokenOnceAndThePushGoesOn() throws Exception {
        // P1: only 401 renewed the token; four 403s in four seconds parked the push with part of the rows sent
        PushJob.Outcome outcome = job(stub.properties(40, List.of()), clock).push(binding(PushProperties.Mode.FULL),
                b -> source(3, stub::expireTokens));
        assertThat(outcome.status()).isEqualTo("DONE");
        assertThat(stub.tokensIssued.get()).isEqualTo(2);
        assertThat(table()).hasSize((int) hcps);
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aShortLivedTokenIsRenewedRelativeToItsLifetime() throws Exception {
        // P6: a fixed five-minute margin made a five-minute token cost one token request per call
        stub.tokenLifetimeSeconds = 300;
        PowerBiApi api = new PowerBiApi(stub.properties(40, List.of()), clock);
        String first = api.token().value();
        clock.sleep(Duration.ofSeconds(239));
        assertThat(api.token().value()).isEqualTo(first);
        clock.sleep(Duration.ofSeconds(1)); // a minute before its end
        assertThat(api.token().value()).isNotEqualTo(first);
        stub.tokenLifetimeSeconds = 120;
        String shortOne = api.token().value(); // still the 300 s one, renewed above
        assertThat(api.tokensFetched()).isEqualTo(2);
        clock.sleep(Duration.ofSeconds(240));
        String two = api.token().value();
        clock.sleep(Duration.ofSeconds(95)); // a fifth of 120 s before its end
        assertThat(api.token().value()).isEqualTo(two).isNotEqualTo(shortOne);
        clock.sleep(Duration.ofSeconds(1));
        assertThat(api.token().value()).isNotEqualTo(two);

        // a whole push on a five-minute token, within its first four minutes: one token
        stub.tokenLifetimeSeconds = 300;
        int issued = stub.tokensIssued.get();
        job(stub.properties(10, List.of()), clock).push(binding(PushProperties.Mode.FULL), b -> source());
        assertThat(stub.rowPosts.get()).isGreaterThan(5);
        assertThat(stub.tokensIssued.get() - issued).isEqualTo(1);
    }

    @Test
    void underStoredThenFailErrorsAFullPushEndsWithExactlyTheSourceRows() throws Exception {
        // P2: every ambiguous 5xx was retried blindly: 116,040 rows stored for 67,208
        stub.storedThenFail = 0.3;
        PushJob.Outcome outcome = job(stub.properties(25, List.of()), clock).push(binding(PushProperties.Mode.FULL),
                b -> source());
        assertThat(stub.storedThenFailed.get()).as("batches stored, then answered 503").isPositive();
        assertThat(stub.rowPosts.get()).as("none sent again").isEqualTo((int) ((hcps + 24) / 25));
        assertThat(outcome.status()).isEqualTo("DONE");
        assertThat(outcome.verified()).isTrue();
        assertThat(table()).hasSize((int) hcps);
        assertThat(distinct()).isEqualTo(hcps);
    }

    @Test
    void anAppendPushSettlesAmbiguousErrorsByCountAndSaysWhenItCannot() throws Exception {
        stub.reset(true);
        stub.storedThenFail = 0.3;
        PushJob.Outcome counted = job(stub.properties(10, List.of()), clock).push(binding(PushProperties.Mode.APPEND),
                b -> source());
        assertThat(counted.warning()).isNull();
        assertThat(counted.verified()).isTrue();
        assertThat(table()).hasSize((int) hcps);

        // the tenant does not allow dataset queries: the hub cannot tell, and says so
        stub.reset(true);
        jdbc.update("DELETE FROM powerbi_push_run");
        stub.executeQueriesAllowed = false;
        stub.storedThenFailNext.set(1);
        PushJob.Outcome unproven = job(stub.properties(10, List.of()), clock).push(binding(PushProperties.Mode.APPEND),
                b -> source());
        assertThat(unproven.verified()).isFalse();
        assertThat(unproven.warning()).contains("may be in the table twice", "exactly-once cannot be shown");
        assertThat(table()).hasSize((int) hcps + 10);
    }

    @Test
    void aFullPushThatCannotCountClearsAndLoadsAgainAfterAnAmbiguousError() throws Exception {
        stub.executeQueriesAllowed = false;
        stub.storedThenFailNext.set(1);
        PushJob.Outcome outcome = job(stub.properties(10, List.of()), clock).push(binding(PushProperties.Mode.FULL),
                b -> source());
        assertThat(outcome.reloads()).isEqualTo(1);
        assertThat(table()).hasSize((int) hcps);
        assertThat(distinct()).isEqualTo(hcps);
    }

    @Test
    void aRetryAfterOfAnHourSavesThePushAsWaitingAndHoldsNoThread() throws Exception {
        // P4: the push slept through the Retry-After on the only push consumer; shutdown timed out meanwhile
        PushProperties props = stub.properties(40, List.of());
        stub.throttleRows.add(3600L);
        PushJob.Outcome waiting = job(props, clock).push(binding(PushProperties.Mode.FULL), b -> source());
        assertThat(waiting.status()).isEqualTo("WAITING");
        assertThat(waiting.resumeAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(clock.sleeps).isEmpty();
        int requests = stub.requests().size();
        assertThat(job(props, clock).push(binding(PushProperties.Mode.FULL), b -> source()).status())
                .isEqualTo("WAITING");
        assertThat(stub.requests()).as("nothing is asked before its time").hasSize(requests);
        assertThat(new PushRuns(jdbc).due(clock.now())).isEmpty();

        clock.sleep(Duration.ofHours(1));
        assertThat(new PushRuns(jdbc).due(clock.now())).containsExactly("writers");
        PushJob.Outcome done = job(props, clock).push(binding(PushProperties.Mode.FULL), b -> source());
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.resumed()).isTrue();
        assertThat(table()).hasSize((int) hcps);
    }

    @Test
    void theHourlyRowBudgetIsAScheduledResumeToo() throws Exception {
        PushProperties small = new PushProperties(stub.url() + "/aad", stub.url() + "/v1.0/myorg", "contoso-tenant",
                "client-id", "secret", 20, null, 40, null, null, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 3,
                List.of());
        PushJob.Outcome waiting = job(small, clock).push(binding(PushProperties.Mode.FULL), b -> source());
        assertThat(waiting.status()).isEqualTo("WAITING");
        assertThat(waiting.rows()).isEqualTo(40);
        assertThat(waiting.resumeAt()).isEqualTo(clock.now().plus(Duration.ofHours(1)));
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aStopEndsTheWaitAndThePushResumesWhereItWas() throws Exception {
        StoppableClock wall = new StoppableClock(null);
        Thread sleeper = new Thread(() -> {
            try {
                wall.sleep(Duration.ofHours(1));
            } catch (InterruptedException expected) {
                // the stop
            }
        });
        sleeper.start();
        wall.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !sleeper.isAlive());

        // a wait that ends in a stop: the push is saved to resume at once
        PushClock stopping = new PushClock() {
            @Override
            public Instant now() {
                return clock.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                throw new Stopping();
            }
        };
        stub.throttleRows.add(30L);
        PushJob.Outcome stopped = job(stub.properties(40, List.of()), stopping).push(binding(PushProperties.Mode.FULL),
                b -> source());
        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(new PushRuns(jdbc).due(clock.now())).containsExactly("writers");
        assertThat(job(stub.properties(40, List.of()), clock).push(binding(PushProperties.Mode.FULL), b -> source())
                .status()).isEqualTo("DONE");
        assertThat(table()).hasSize((int) hcps);
    }

    @Test
    void aRestartedHubKeepsWithinThePushWindowsItsPredecessorUsed() throws Exception {
        // the limiter's windows were in memory only: after a restart the hub sent eleven requests into 429s
        PushProperties oneRow = stub.properties(1, List.of());
        AtomicInteger reads = new AtomicInteger();
        PushSource rows = new PushSource() {
            @Override
            public List<PushColumn> columns() {
                return List.of(new PushColumn("hcp_id", "String"));
            }

            @Override
            public List<List<Object>> read(long offset, int limit) {
                if (reads.incrementAndGet() == 121) {
                    throw new IllegalStateException("the hub stops after 120 POSTs");
                }
                return offset < 130 ? List.of(List.of("H" + offset)) : List.of();
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job(oneRow, clock)
                .push(binding(PushProperties.Mode.FULL), b -> rows)).hasMessageContaining("hub stops");
        assertThat(stub.rowPosts.get()).isEqualTo(120);
        PushJob.Outcome resumed = job(oneRow, clock).push(binding(PushProperties.Mode.FULL), b -> rows);
        assertThat(stub.throttled.get()).as("no request sent into a 429").isZero();
        assertThat(clock.sleeps).containsExactly(Duration.ofMinutes(1));
        assertThat(resumed.rows()).isEqualTo(130);
        assertThat(table()).hasSize(130);
    }
}
