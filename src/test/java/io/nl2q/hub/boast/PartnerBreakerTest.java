package io.nl2q.hub.boast;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of routes/boast-partner-post.camel.yaml, opened: the shared test context keeps it shut (its
 * minimum of calls is out of reach), so this test runs the route file, with the shared delivery configuration, in
 * a Camel context of its own where two failed calls open it.
 */
class PartnerBreakerTest {
    private final WireMockServer partner = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private final List<Throwable> parked = new CopyOnWriteArrayList<>();
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        partner.start();
        partner.stubFor(post(urlEqualTo(PartnerApiStub.PATH)).willReturn(aResponse().withStatus(500)));
        camel = new DefaultCamelContext();
        var properties = new Properties();
        properties.put("hub.boast.partner-api.url", "http://127.0.0.1:" + partner.port() + PartnerApiStub.PATH);
        properties.put("hub.boast.partner-api.timeout-ms", "2000");
        properties.put("hub.boast.partner-api.breaker-minimum-calls", "2");
        properties.put("hub.boast.partner-api.breaker-open-seconds", "60");
        camel.getPropertiesComponent().setInitialProperties(properties);
        var loader = PluginHelper.getRoutesLoader(camel);
        var resources = PluginHelper.getResourceLoader(camel);
        loader.loadRoutes(resources.resolveResource("file:routes/_error-handling.camel.yaml"),
                resources.resolveResource("file:routes/boast-partner-post.camel.yaml"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dead-letter").process(e -> parked.add(e.getProperty(Exchange.EXCEPTION_CAUGHT,
                        Throwable.class)));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        partner.stop();
    }

    @Test
    void aPartnerThatKeepsFailingIsNoLongerCalledAndTheDeliveriesAreParked() {
        var producer = camel.createProducerTemplate();
        producer.sendBody("seda:boast-partner-post", "{\"export\":\"first\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> parked.size() == 1);
        // four attempts (one and three retries): the first two reached the partner and opened the breaker
        partner.verify(2, postRequestedFor(urlEqualTo(PartnerApiStub.PATH)));
        assertThat(parked.get(0)).isInstanceOf(CallNotPermittedException.class);

        producer.sendBody("seda:boast-partner-post", "{\"export\":\"second\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> parked.size() == 2);
        partner.verify(2, postRequestedFor(urlEqualTo(PartnerApiStub.PATH)));
        assertThat(parked.get(1)).isInstanceOf(CallNotPermittedException.class);
    }
}
