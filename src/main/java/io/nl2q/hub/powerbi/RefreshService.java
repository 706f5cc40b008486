package io.nl2q.hub.powerbi;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The refresh step of route powerbi-refresh: one configured import-mode dataset, refreshed and followed. */
@Component("powerbiRefresh")
public class RefreshService {
    private final RefreshProperties properties;
    private final RefreshTrigger trigger;

    RefreshService(RefreshProperties properties, PushProperties api, JdbcTemplate jdbc, MeterRegistry meters) {
        this.properties = properties;
        this.trigger = new RefreshTrigger(new PowerBiApi(api, PushClock.SYSTEM), properties, jdbc, PushClock.SYSTEM,
                meters);
    }

    public String refresh(String datasetName) throws InterruptedException {
        return trigger.refresh(properties.dataset(datasetName));
    }

    /** The tenant of a dataset, for the dead-letter entry; null for an unknown one. */
    public String tenantOf(String datasetName) {
        return properties.datasets().stream().filter(d -> d.name().equals(datasetName))
                .map(RefreshProperties.Dataset::tenant).findFirst().orElse(null);
    }
}
