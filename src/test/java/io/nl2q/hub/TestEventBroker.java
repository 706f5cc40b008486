package io.nl2q.hub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
                        + "&groupId=nl2q-cache-test&autoOffsetReset=earliest",
                "hub.reports.kafka.brokers", brokers)));
    }

    public String brokers() {
        return broker.getBrokersAsString();
    }

    /** The first event on the topic (from its start, as a new reader sees it) whose value matches, within 20 s. */
    public ConsumerRecord<String, String> event(Predicate<String> value) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (value.test(r.value())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no such event on " + TOPIC);
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
