package io.nl2q.hub.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.errors.ErrorResponses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Log lines of a request carry its tenant, caller and correlation id; request metrics are per tenant. */
@HubTest
class RequestObservabilityTest {
    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger errors = (Logger) LoggerFactory.getLogger(ErrorResponses.class);

    @BeforeEach
    void capture() {
        appender.start();
        errors.addAppender(appender);
    }

    @AfterEach
    void release() {
        errors.detachAppender(appender);
    }

    @Test
    void aFailingQuestionLogsWithTheTenantCallerAndTheCorrelationIdTheClientGets() {
        HubHttp.Reply reply = new HubHttp(port).ask("initech-test-key", "TRx for Tirosint in 2025");

        assertThat(reply.status()).isEqualTo(503);
        String correlationId = reply.json().path("error").path("correlationId").asText();
        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getMDCPropertyMap())
                    .containsEntry(LogContext.TENANT, "initech")
                    .containsEntry(LogContext.CORRELATION_ID, correlationId)
                    .containsKey(LogContext.CALLER)
                    .containsKey("camel.routeId");
            assertThat(event.getFormattedMessage()).contains(correlationId);
        });
    }

    @Test
    void requestMetricsNameTheTenantAndCountActiveUsers() {
        HubHttp http = new HubHttp(port);
        assertThat(http.ask("acme-viewer-key", "TRx for Tirosint in 2025").status()).isEqualTo(200);
        assertThat(http.ask(null, "TRx for Tirosint in 2025").status()).isEqualTo(401);

        String metrics = http.get("/actuator/prometheus", null).body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\",tenant=\"acme\","
                + "uri=\"/api/v1/query\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\",tenant=\"none\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*tenant=\"acme\",uri=\"/api/v1/query\"")
                .containsPattern("hub_users_active\\{tenant=\"acme\"} [1-9]")
                .containsPattern("hub_deadletters_parked [0-9]")
                // the Camel metrics the dashboards and alert rules in docker/ read
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"query-ask\"")
                .containsPattern("camel_exchanges_failed_total\\{[^}]*routeId=")
                .contains("camel_routes_running_routes", "camel_routes_added_routes");
    }
}
