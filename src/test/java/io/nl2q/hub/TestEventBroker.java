package io.nl2q.hub;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.stereotype.Component;

/**
 * The Kafka broker of the shared test context: a real one (embedded KRaft, in the test JVM), started before the
 * routes, which then publish the hub's events to it and read them back through the cache route, as in production
 * (config/application-prod.yaml). The embedded default keeps its in-process channel.
 */
@Component
public class TestEventBroker implements AutoCloseable {
    public static final String TOPIC = "nl2q.hub-events";
    private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);

    TestEventBroker(ConfigurableEnvironment environment) {
        broker.afterPropertiesSet();
        String brokers = broker.getBrokersAsString();
        environment.getPropertySources().addFirst(new MapPropertySource("test-event-broker", Map.of(
                "hub.events.publish-uri", "kafka:" + TOPIC + "?brokers=" + brokers,
                "hub.query.cache.events-uri", "kafka:" + TOPIC + "?brokers=" + brokers
                        + "&groupId=nl2q-cache-test&autoOffsetReset=earliest")));
    }

    public String brokers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
