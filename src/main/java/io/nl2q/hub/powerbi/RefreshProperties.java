package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Refreshes of import-mode datasets after a load ({@code hub.powerbi.refresh}); the API settings and credentials are
 * those of {@code hub.powerbi.push}.
 *
 * @param maxPerDay    refreshes the hub asks for per dataset and UTC day (shared capacity allows 8)
 * @param pollInterval how often a running refresh is looked at
 * @param timeout      a refresh still running after this is recorded as timed out
 * @param datasets     the import-mode datasets, by the name a load refers to
 */
@ConfigurationProperties("hub.powerbi.refresh")
public record RefreshProperties(Integer maxPerDay, Duration pollInterval, Duration timeout, List<Dataset> datasets) {
    public RefreshProperties {
        maxPerDay = maxPerDay == null ? 8 : maxPerDay;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    public Dataset dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new io.nl2q.hub.errors.PermanentFailure(io.nl2q.hub.errors.ErrorCode.NOT_FOUND,
                        io.nl2q.hub.errors.Phase.DELIVER, "no Power BI refresh dataset " + name));
    }

    public record Dataset(String name, String tenant, String groupId, String datasetId) {
        public Dataset {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(datasetId, "datasetId");
        }
    }
}
