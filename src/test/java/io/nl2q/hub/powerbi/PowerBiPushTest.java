package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Route powerbi-push's job against a WireMock contract stub of the Power BI REST API, on a fake clock. */
@HubTest
class PowerBiPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL = "SELECT hcp_id, specialty, decile FROM hcp";
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SavedQuestions saved;
    @Autowired
    FeedQueries queries;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DeadLetterStore deadLetters;
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
        hcps = queries.rows(caller(), "SELECT COUNT(*) FROM hcp", 1).rows().get(0).get(0) instanceof Number n
                ? n.longValue() : -1;
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    static Caller caller() {
        return new Caller(new TenantRef("acme", "acme"), "test", Set.of(Role.INTEGRATION));
    }

    PushProperties.Binding binding(PushProperties.Mode mode) {
        return new PushProperties.Binding("writers", "acme", "tirosint_writers", PowerBiStub.GROUP, null, null, mode);
    }

    PushJob job(PushProperties props, PushRuns runs) {
        return new PushJob(new PowerBiApi(props, clock), new PushLimiter(props.postsPerMinute(), props.rowsPerHour(),
                props.maxPending(), clock, new PushPostLog(jdbc)), runs, props, clock);
    }

    List<JsonNode> table() {
        return stub.table(PowerBiStub.DATASET, "tirosint_writers");
    }

    PushSource source() {
        return new SavedQuestionSource(caller(), SQL, queries);
    }

    @Test
    void createsTheMissingDatasetThenClearsAndFillsTheTableInBatches() throws Exception {
        PushProperties props = stub.properties(50, List.of());
        PushJob.Outcome outcome = job(props, new PushRuns(jdbc)).push(binding(PushProperties.Mode.FULL), b -> source());

        assertThat(outcome.datasetCreated()).isTrue();
        assertThat(outcome.rows()).isEqualTo(hcps);
        assertThat(stub.rowPostRequests()).hasSize((int) ((hcps + 49) / 50));
        assertThat(outcome.verified()).as("the table's row count confirmed it").isTrue();
        JsonNode dataset = JSON.readTree(stub.requests().stream().filter(r -> r.getUrl().contains("defaultRetention"))
                .findFirst().orElseThrow().getBodyAsString());
        assertThat(dataset.path("defaultMode").asText()).isEqualTo("Push");
        assertThat(dataset.path("tables").get(0).path("columns").toString())
                .contains("{\"name\":\"hcp_id\",\"dataType\":\"String\"}", "{\"name\":\"decile\",\"dataType\":\"Int64\"}");
        var all = stub.requests();
        assertThat(all.stream().filter(r -> r.getUrl().contains("/token")).count()).as("token cached").isEqualTo(1);
        assertThat(all.stream().filter(r -> !r.getUrl().contains("/token"))
                .allMatch(r -> r.getHeader("Authorization").startsWith("Bearer eyJ0eXAi."))).isTrue();
        assertThat(distinctIds(table())).hasSize((int) hcps);
        assertThat(table()).hasSize((int) hcps);
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void reusesAnExistingDatasetAndAppends() throws Exception {
        stub.reset(true);
        PushJob.Outcome outcome = job(stub.properties(10_000, List.of()), new PushRuns(jdbc))
                .push(binding(PushProperties.Mode.APPEND), b -> source());
        assertThat(outcome.datasetCreated()).isFalse();
        assertThat(stub.requests()).noneMatch(r -> r.getUrl().contains("defaultRetention"))
                .noneMatch(r -> r.getMethod().getName().equals("DELETE"));
        assertThat(stub.rowPostRequests()).hasSize(1);
        assertThat(outcome.verified()).isTrue();
        assertThat(outcome.warning()).isNull();
    }

    @Test
    void honoursRetryAfterOn429AndRetriesReadsAnswered5xxWithBackoff() throws Exception {
        stub.throttleNext.add(7L);
        stub.failAny.add(503);
        stub.failAny.add(503);
        job(stub.properties(10_000, List.of()), new PushRuns(jdbc)).push(binding(PushProperties.Mode.FULL), b -> source());
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(table()).hasSize((int) hcps);
    }

    @Test
    void aBatchStillRefusedIsNotCountedAndTheNextTryResumes() throws Exception {
        stub.reset(true);
        PushProperties props = stub.properties(50, List.of());
        for (int i = 0; i < 4; i++) {
            stub.failBeforeStore.add(500);
        }
        assertThatThrownBy(() -> job(props, new PushRuns(jdbc)).push(binding(PushProperties.Mode.APPEND), b -> source()))
                .isInstanceOf(PowerBiException.class).hasMessageContaining("not stored after 4 attempts");
        // each 500 was settled by the row count (not stored) and the batch sent again after a backoff
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(jdbc.queryForObject("SELECT status FROM powerbi_push_run", String.class)).isEqualTo("PARKED");
        PushJob.Outcome resumed = job(props, new PushRuns(jdbc)).push(binding(PushProperties.Mode.APPEND), b -> source());
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.warning()).isNull();
        assertThat(resumed.rows()).isEqualTo(hcps);
        assertThat(table()).hasSize((int) hcps);
    }

    @Test
    void aStopMidPushResumesWithoutLosingOrRepeatingRows() throws Exception {
        PushProperties props = stub.properties(40, List.of());
        AtomicInteger reads = new AtomicInteger();
        PushSource stopping = new PushSource() {
            final PushSource real = source();

            @Override
            public List<PushColumn> columns() {
                return real.columns();
            }

            @Override
            public List<List<Object>> read(long offset, int limit) {
                if (reads.incrementAndGet() == 3) {
                    throw new IllegalStateException("hub stopping");
                }
                return real.read(offset, limit);
            }
        };
        assertThatThrownBy(() -> job(props, new PushRuns(jdbc)).push(binding(PushProperties.Mode.FULL), b -> stopping))
                .hasMessageContaining("hub stopping");
        assertThat(stub.rowPostRequests()).hasSize(2);

        // a new hub instance: new token cache, new limiter; the run's progress is in app state
        PushJob.Outcome outcome = job(props, new PushRuns(jdbc)).push(binding(PushProperties.Mode.FULL), b -> source());
        assertThat(outcome.resumed()).isTrue();
        assertThat(stub.rowPostRequests()).hasSize((int) ((hcps + 39) / 40));
        assertThat(stub.requests().stream().filter(r -> r.getMethod().getName().equals("DELETE")).count()).isEqualTo(1);
        List<JsonNode> table = table();
        assertThat(table).hasSize((int) hcps);
        assertThat(distinctIds(table)).hasSize((int) hcps);
    }

    @Test
    void aStopBetweenAnAcknowledgedPostAndItsCommitIsSettledByTheRowCount() throws Exception {
        for (boolean counts : new boolean[] {true, false}) {
            stub.reset(false);
            stub.executeQueriesAllowed = counts;
            jdbc.update("DELETE FROM powerbi_push_run");
            PushProperties props = stub.properties(40, List.of());
            PushRuns crashing = new PushRuns(jdbc) {
                @Override
                void batchDone(long id, int batchesSent, long rowsSent, long stringsCut) {
                    if (batchesSent == 2) {
                        throw new IllegalStateException("hub stopped after the POST, before the commit");
                    }
                    super.batchDone(id, batchesSent, rowsSent, stringsCut);
                }
            };
            assertThatThrownBy(() -> job(props, crashing).push(binding(PushProperties.Mode.FULL), b -> source()))
                    .hasMessageContaining("before the commit");
            PushJob.Outcome outcome = job(props, new PushRuns(jdbc)).push(binding(PushProperties.Mode.FULL),
                    b -> source());
            // counted: the second batch is in the table, nothing is sent twice; not countable: cleared and reloaded
            assertThat(stub.requests().stream().filter(r -> r.getMethod().getName().equals("DELETE")).count())
                    .isEqualTo(counts ? 1 : 2);
            assertThat(outcome.reloads()).isEqualTo(counts ? 0 : 1);
            assertThat(table()).hasSize((int) hcps);
            assertThat(distinctIds(table())).hasSize((int) hcps);
        }
    }

    @Test
    void cutsStringsLongerThan4000Characters() throws Exception {
        PushProperties props = stub.properties(10_000, List.of());
        PushJob job = job(props, new PushRuns(jdbc));
        var body = job.body(List.of(new PushColumn("note", "String")), List.of(List.of("x".repeat(4500)),
                List.of("short")));
        assertThat(body.stringsCut()).isEqualTo(1);
        assertThat(JSON.readTree(body.json()).path("rows").get(0).path("note").asText()).hasSize(4000);
    }

    @Test
    void aFailedPushIsParkedInTheDeadLetterStoreForReplay() {
        int before = deadLetters.count("powerbi-push-rows");
        producer.sendBody("direct:powerbi-push", "no-such-binding");
        assertThat(deadLetters.count("powerbi-push-rows")).isEqualTo(before + 1);
        var parked = deadLetters.list("powerbi-push-rows", 1).get(0);
        assertThat(parked.replayUri()).isEqualTo("direct:powerbi-push");
        assertThat(parked.payload()).isEqualTo("no-such-binding");
    }

    private static List<String> distinctIds(List<JsonNode> rows) {
        var ids = new ArrayList<String>();
        rows.forEach(r -> ids.add(r.path("hcp_id").asText()));
        return ids.stream().distinct().toList();
    }
}
