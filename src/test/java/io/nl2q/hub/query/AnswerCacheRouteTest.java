package io.nl2q.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import java.time.Duration;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The answer cache inside the question flow, over real HTTP. */
@HubTest
class AnswerCacheRouteTest {
    static final String QUESTION = "How many prescribers are there?";
    @LocalServerPort
    int port;
    @Autowired
    AnswerCache cache;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcTemplate appState;
    HubHttp http;

    @BeforeEach
    void emptyCache() {
        http = new HubHttp(port);
        cache.invalidate("acme", Set.of());
        cache.invalidate("globex", Set.of());
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheWithItsOwnQueryIdAndTiming() {
        JsonNode first = ok(http.ask("acme-demo-key", QUESTION));
        assertThat(first.path("cached").asBoolean()).isFalse();
        JsonNode second = ok(http.ask("acme-demo-key", "how many   PRESCRIBERS are there"));
        assertThat(second.path("cached").asBoolean()).isTrue();
        assertThat(second.path("rows")).isEqualTo(first.path("rows"));
        assertThat(second.path("sql")).isEqualTo(first.path("sql"));
        assertThat(second.path("engine")).isEqualTo(first.path("engine"));
        assertThat(second.path("explanation")).isEqualTo(first.path("explanation"));
        assertThat(second.path("chart")).isEqualTo(first.path("chart"));
        assertThat(second.path("question").asText()).isEqualTo("how many   PRESCRIBERS are there");
        assertThat(second.path("queryId").asText()).isNotEqualTo(first.path("queryId").asText());
        assertThat(second.has("elapsedMs")).isTrue();
        // a cached answer is audited like any other, so feedback can refer to it
        String id = second.path("queryId").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(appState.queryForObject(
                "SELECT sql_text FROM query_audit WHERE query_id = ?", String.class, id))
                .isEqualTo(first.path("sql").asText()));
    }

    @Test
    void eachTenantGetsItsOwnAnswerToTheSameQuestion() {
        assertThat(ok(http.ask("acme-demo-key", QUESTION)).path("rows").get(0).get(0).asLong()).isEqualTo(180);
        JsonNode globex = ok(http.ask("globex-demo-key", QUESTION));
        assertThat(globex.path("cached").asBoolean()).isFalse();
        assertThat(globex.path("rows").get(0).get(0).asLong()).isEqualTo(60);
        JsonNode globexAgain = ok(http.ask("globex-demo-key", QUESTION));
        assertThat(globexAgain.path("cached").asBoolean()).isTrue();
        assertThat(globexAgain.path("rows").get(0).get(0).asLong()).isEqualTo(60);
        JsonNode acmeAgain = ok(http.ask("acme-demo-key", QUESTION));
        assertThat(acmeAgain.path("cached").asBoolean()).isTrue();
        assertThat(acmeAgain.path("rows").get(0).get(0).asLong()).isEqualTo(180);
    }

    @Test
    void aDataChangedEventForgetsTheTenantsAnswersThatReadTheTable() {
        ok(http.ask("acme-demo-key", QUESTION));
        ok(http.ask("globex-demo-key", QUESTION));
        // published where the hub publishes its events (the test broker's Kafka topic), read back by the cache route
        String events = camel.getCamelContext().resolvePropertyPlaceholders("{{hub.events.publish-uri}}");
        camel.sendBody(events, """
                {"specversion": "1.0", "id": "e1", "source": "/test", "type": "io.nl2q.data.changed",
                 "data": {"tenant": "acme", "tables": ["call_activity"]}}""");
        camel.sendBody(events, """
                {"specversion": "1.0", "id": "e2", "source": "/test", "type": "io.nl2q.data.changed",
                 "tenant": "acme", "tables": ["hcp"]}""");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ok(http.ask("acme-demo-key", QUESTION)).path("cached").asBoolean()).isFalse());
        assertThat(ok(http.ask("globex-demo-key", QUESTION)).path("cached").asBoolean()).isTrue();
    }

    private static JsonNode ok(HubHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
