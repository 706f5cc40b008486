package io.nl2q.hub.powerbi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.ops.DeadLetterStore;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Refresh of an import-mode dataset against the WireMock Power BI stub, on a fake clock. */
@HubTest
class RefreshTriggerTest {
    static final String REFRESHES = "/v1.0/myorg/groups/" + PowerBiStub.GROUP + "/datasets/" + PowerBiStub.DATASET
            + "/refreshes";
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
        stub = new PowerBiStub();
        clock = new FakeClock();
        meters = new SimpleMeterRegistry();
        jdbc.update("DELETE FROM powerbi_refresh");
        stub.server.stubFor(post(urlMatching(REFRESHES)).willReturn(aResponse().withStatus(202)
                .withHeader("RequestId", "87f31ef7-1e3a-4006-9b0b-191693e79e9e")));
        trigger = new RefreshTrigger(new PowerBiApi(stub.properties(10_000, List.of()), clock),
                new RefreshProperties(8, Duration.ofSeconds(30), Duration.ofMinutes(10), List.of(dataset)), jdbc,
                clock, meters);
    }

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private void history(String... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = i + 1 < statuses.length ? "s" + (i + 1) : "done";
            stub.server.stubFor(get(urlPathMatching(REFRESHES)).inScenario("history").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"value\":[{\"requestId\":\"87f31ef7\",\"id\":1,\"refreshType\":\"ViaApi\","
                            + "\"startTime\":\"2026-01-05T09:00:05Z\",\"status\":\"" + statuses[i] + "\""
                            + (statuses[i].equals("Failed") ? ",\"serviceExceptionJson\":\"{\\\"errorCode\\\":\\\"ModelRefreshFailed\\\"}\"" : "")
                            + "}]}")).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void postsPollsAndRecordsACompletedRefresh() throws Exception {
        history("Unknown", "Unknown", "Completed");
        assertThat(trigger.refresh(dataset)).isEqualTo("Completed");
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(jdbc.queryForObject("SELECT status FROM powerbi_refresh", String.class)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT request_id FROM powerbi_refresh", String.class))
                .isEqualTo("87f31ef7-1e3a-4006-9b0b-191693e79e9e");
        assertThat(meters.counter("hub.powerbi.refresh.failures").count()).isZero();
    }

    @Test
    void aFailedRefreshIsRecordedAndCounted() {
        history("Unknown", "Failed");
        assertThatThrownBy(() -> trigger.refresh(dataset)).isInstanceOf(PowerBiException.class)
                .hasMessageContaining("ModelRefreshFailed");
        assertThat(jdbc.queryForObject("SELECT status FROM powerbi_refresh", String.class)).isEqualTo("FAILED");
        assertThat(meters.counter("hub.powerbi.refresh.failures").count()).isEqualTo(1);
    }

    @Test
    void atMostEightADayOnSharedCapacity() throws Exception {
        stub.server.stubFor(get(urlPathMatching(REFRESHES)).willReturn(okJson(
                "{\"value\":[{\"requestId\":\"x\",\"status\":\"Completed\"}]}")));
        for (int i = 0; i < 8; i++) {
            trigger.refresh(dataset);
        }
        assertThatThrownBy(() -> trigger.refresh(dataset)).hasMessageContaining("allowance is 8");
        assertThat(stub.requests().stream().filter(r -> r.getMethod().getName().equals("POST")
                && r.getUrl().endsWith("/refreshes")).count()).isEqualTo(8);
        assertThat(meters.counter("hub.powerbi.refresh.failures").count()).isEqualTo(1);
    }

    @Test
    void aFailedRefreshIsParkedInTheDeadLetterStore() {
        int before = deadLetters.count("powerbi-refresh-dataset");
        producer.sendBody("direct:powerbi-refresh", "no-such-dataset");
        assertThat(deadLetters.count("powerbi-refresh-dataset")).isEqualTo(before + 1);
        assertThat(deadLetters.list("powerbi-refresh-dataset", 1).get(0).replayUri()).isEqualTo("direct:powerbi-refresh");
    }
}
