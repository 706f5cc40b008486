package io.nl2q.hub.reports.schedule;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The schedule part of the configured Power BI refreshes ({@code hub.powerbi.refresh.datasets[]}, whose API part
 * the powerbi feature binds): a dataset with a {@code cron} and/or {@code after-load-of} tables is refreshed through
 * the reports scheduler (see {@link ConfiguredRefreshSchedules}); one with neither is refreshed on request, as before.
 *
 * @param datasets the configured datasets, by name
 */
@ConfigurationProperties("hub.powerbi.refresh")
record RefreshScheduleProperties(List<Dataset> datasets) {
    RefreshScheduleProperties {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    /**
     * @param cron        a Quartz cron to refresh it on (in {@code timeZone}, UTC when not given)
     * @param afterLoadOf the tables of its tenant whose load (BOAST, CRM sync) refreshes it, once per burst
     */
    record Dataset(String name, String tenant, String cron, String timeZone, List<String> afterLoadOf) {
        Dataset {
            Objects.requireNonNull(name, "name");
            afterLoadOf = afterLoadOf == null ? List.of() : List.copyOf(afterLoadOf);
        }

        boolean scheduled() {
            return cron != null || !afterLoadOf.isEmpty();
        }
    }
}
