package io.nl2q.hub.boast;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The BOAST partner API of the shared test context: a WireMock server on a free port, started before the routes,
 * whose URL it publishes as {@code hub.boast.partner-api.url}. Tests stub its answers per case.
 */
@Component
class PartnerApiStub implements AutoCloseable {
    static final String PATH = "/partner/v1/exports";
    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

    PartnerApiStub(ConfigurableEnvironment environment) {
        server.start();
        environment.getPropertySources().addFirst(new MapPropertySource("boast-partner-api-stub",
                Map.of("hub.boast.partner-api.url", "http://127.0.0.1:" + server.port() + PATH)));
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
