package io.nl2q.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.util.Map;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A failed delivery is parked with its cause and original message, listed for operators, and replayed. */
@HubTest
class DeadLetterTest {
    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ConsumerTemplate consumer;
    @Autowired
    DeadLetterStore store;

    @Test
    void parkedDeliveryIsListedAndReplayedWithItsHeaders() {
        Exchange failed = new DefaultExchange(camel);
        failed.getMessage().setBody("npi,product\n1234567890,Tirosint\n");
        failed.getMessage().setHeaders(Map.of(DeadLetterStore.TENANT, "acme",
                DeadLetterStore.REPLAY_URI, "seda:dead-letter-test-replay", "CamelFileName", "targets.csv",
                "partnerFile", "targets.csv"));
        failed.setProperty(Exchange.FAILURE_ROUTE_ID, "boast-outbound-test");
        failed.setProperty(Exchange.FAILURE_ENDPOINT, "http://partner.invalid/upload");
        failed.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("HTTP 503 from partner"));
        producer.send("direct:dead-letter", failed);

        DeadLetter parked = store.list("boast-outbound-test", 1).get(0);
        assertThat(parked.tenantId()).isEqualTo("acme");
        assertThat(parked.causeType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(parked.causeMessage()).contains("HTTP 503");
        assertThat(parked.payload()).contains("1234567890,Tirosint");
        assertThat(parked.headers()).containsEntry("partnerFile", "targets.csv").doesNotContainKey("CamelFileName");

        HubHttp http = new HubHttp(port);
        assertThat(http.get("/api/v1/ops/dead-letters", "acme-viewer-key").status()).isEqualTo(403);
        Reply listed = http.get("/api/v1/ops/dead-letters?route=boast-outbound-test", "acme-demo-key");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get(0).path("causeMessage").asText()).contains("HTTP 503");

        Reply replayed = http.post("/api/v1/ops/dead-letters/" + parked.id() + "/replay", "acme-demo-key", "");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("replayCount").asInt()).isEqualTo(1);
        Exchange again = consumer.receive("seda:dead-letter-test-replay", 5000);
        assertThat(again).isNotNull();
        assertThat(again.getMessage().getBody(String.class)).isEqualTo("npi,product\n1234567890,Tirosint\n");
        assertThat(again.getMessage().getHeader("partnerFile")).isEqualTo("targets.csv");

        Reply missing = http.post("/api/v1/ops/dead-letters/999999/replay", "acme-demo-key", "");
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    }
}
