package io.nl2q.hub.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nl2q.hub.ops.DeadLetterStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code hub.deadletters.parked}: messages waiting in the dead-letter store (shared app state, so every replica sees all). */
@Configuration(proxyBeanMethods = false)
class DeadLetterMetrics {
    @Bean
    Gauge deadLettersParked(MeterRegistry registry, DeadLetterStore store) {
        return Gauge.builder("hub.deadletters.parked", store,
                        s -> s.countsByRoute().values().stream().mapToInt(Integer::intValue).sum())
                .description("Messages parked in the dead-letter store, all tenants").register(registry);
    }
}
