package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.errors.PermanentFailure;
import io.nl2q.hub.ops.DeadLetterStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refresh of an import-mode dataset against the Power BI stub, on a fake clock: its own refresh followed among
 * others (P3), the daily cap as a scheduled resume (P4), a failure that is final (P5), an ambiguous POST.
 */
@HubTest
class RefreshTriggerTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DeadLetterStore deadLetters;
    PowerBiStub stub;
    FakeClock clock;
    SimpleMeterRegistry meters;
    RefreshTrigger trigger;
    RefreshProperties.Dataset dataset = new RefreshProperties.Dataset("sales", "acme", PowerBiStub.GROUP,
            PowerBiStub.DATASET);

    @BeforeEach
    void setUp() {
        clock = new FakeClock();
        stub = new PowerBiStub(clock::now);
        stub.reset(true);
        meters = new SimpleMeterRegistry();
        jdbc.update("DELETE FROM powerbi_refresh WHERE dataset_id = ?", PowerBiStub.DATASET);
        trigger = new RefreshTrigger(new PowerBiApi(stub.properties(10_000, List.of()), clock),
                new RefreshProperties(8, Duration.ofSeconds(30), Duration.ofMinutes(10), List.of(dataset)), jdbc,
                clock, meters);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private String status() {
        return jdbc.queryForObject("SELECT status FROM powerbi_refresh WHERE dataset_id = ? ORDER BY refresh_id DESC"
                + " LIMIT 1", String.class, PowerBiStub.DATASET);
    }

    /** Polls as route powerbi-refresh-follow does, each step 30 s after the last, until the refresh has ended. */
    private String followToTheEnd() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            clock.sleep(Duration.ofSeconds(30));
            String step = trigger.follow(dataset);
            if (!step.equals("RUNNING")) {
                return step;
            }
        }
        return "RUNNING";
    }

    @Test
    void followsItsOwnRefreshByItsRequestIdAmongOthers() throws Exception {
        // P3: the poll read the latest refresh ($top=1): another one's failure was recorded as this one's
        stub.foreignRefresh("Scheduled", List.of("Completed"), null);
        stub.nextRefreshes.add(List.of("Unknown", "Unknown", "Unknown", "Completed"));
        assertThat(trigger.refresh(dataset)).startsWith("REQUESTED ");
        String requestId = jdbc.queryForObject("SELECT request_id FROM powerbi_refresh WHERE dataset_id = ?",
                String.class, PowerBiStub.DATASET);
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(trigger.follow(dataset)).as("not due yet: nothing asked").isEqualTo("RUNNING");
        stub.foreignRefresh("OnDemand", List.of("Unknown", "Failed"), "ModelRefresh_ShortMessage_ProcessingError");

        assertThat(followToTheEnd()).isEqualTo("COMPLETED");
        assertThat(status()).isEqualTo("COMPLETED");
        assertThat(stub.refreshPosts()).isEqualTo(1);
        assertThat(meters.counter("hub.powerbi.refresh.failures").count()).isZero();
        assertThat(clock.sleeps).allMatch(d -> d.equals(Duration.ofSeconds(30)));
    }

    @Test
    void aFailedRefreshIsRecordedCountedAndFinal() throws Exception {
        stub.nextRefreshes.add(List.of("Unknown", "Failed"));
        trigger.refresh(dataset);
        clock.sleep(Duration.ofSeconds(30));
        assertThat(trigger.follow(dataset)).isEqualTo("RUNNING");
        clock.sleep(Duration.ofSeconds(30));
        // P5: a PermanentFailure is parked by the delivery configuration at once, not redelivered three times
        assertThatThrownBy(() -> trigger.follow(dataset)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("ModelRefreshFailed");
        assertThat(status()).isEqualTo("FAILED");
        assertThat(meters.counter("hub.powerbi.refresh.failures").count()).isEqualTo(1);
        assertThat(trigger.follow(dataset)).isEqualTo("no open refresh");
        assertThat(stub.refreshPosts()).isEqualTo(1);
    }

    @Test
    void atMostEightADayOnSharedCapacity() throws Exception {
        for (int i = 0; i < 8; i++) {
            stub.nextRefreshes.add(List.of("Completed"));
            trigger.refresh(dataset);
            assertThat(followToTheEnd()).isEqualTo("COMPLETED");
        }
        assertThatThrownBy(() -> trigger.refresh(dataset)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("allowance is 8");
        assertThat(stub.refreshPosts()).isEqualTo(8);
        assertThat(status()).isEqualTo("REFUSED");
        assertThat(meters.counter("hub.powerbi.refresh.failures").count()).isEqualTo(1);
    }

    @Test
    void theServicesDailyCapIsAScheduledResumeNotASleep() throws Exception {
        // P4: "waiting PT23H58M50S" on a thread; here others used the day's refreshes in the service
        stub.refreshesPerDay = 2;
        stub.foreignRefresh("ViaApi", List.of("Completed"), null);
        stub.foreignRefresh("ViaApi", List.of("Completed"), null);
        assertThat(trigger.refresh(dataset)).isEqualTo("WAITING until 2026-01-06T00:00:00Z");
        assertThat(clock.sleeps).isEmpty();
        assertThat(trigger.due()).isEmpty();
        assertThat(trigger.refresh(dataset)).as("asked again before its time: nothing sent").startsWith("WAITING");
        assertThat(stub.refreshPosts()).isEqualTo(1);

        clock.sleep(Duration.between(clock.now(), Instant.parse("2026-01-06T00:00:00Z")));
        assertThat(trigger.due()).containsExactly("sales");
        assertThat(trigger.follow(dataset)).startsWith("REQUESTED ");
        assertThat(followToTheEnd()).isEqualTo("COMPLETED");
    }

    @Test
    void aRefreshStartedButAnswered5xxIsFollowedNotPostedAgain() throws Exception {
        stub.refreshStoredThenFailNext.set(1);
        stub.foreignRefresh("Scheduled", List.of("Completed"), null);
        assertThat(trigger.refresh(dataset)).startsWith("REQUESTED ");
        assertThat(stub.refreshPosts()).isEqualTo(1);
        assertThat(followToTheEnd()).isEqualTo("COMPLETED");
    }

    @Test
    void aFailedRefreshIsParkedInTheDeadLetterStore() {
        int before = deadLetters.count("powerbi-refresh-dataset");
        producer.sendBody("direct:powerbi-refresh", "no-such-dataset");
        assertThat(deadLetters.count("powerbi-refresh-dataset")).isEqualTo(before + 1);
        assertThat(deadLetters.list("powerbi-refresh-dataset", 1).get(0).replayUri()).isEqualTo("direct:powerbi-refresh");
    }
}
