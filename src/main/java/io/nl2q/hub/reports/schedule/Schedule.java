package io.nl2q.hub.reports.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's delivery of one saved question: when (a Quartz cron in a time zone, or after the data it reads
 * changed), in which format and where to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(long id, String tenantId, long savedQuestion, String trigger, String cron, String timeZone,
                       String format, Map<String, Object> destination, boolean onlyWhenChanged, boolean paused,
                       String createdBy, Instant createdAt) {
    public static final Set<String> FORMATS = Set.of("csv", "xlsx", "html");
    public static final String CRON = "cron";
    public static final String ON_DATA_CHANGE = "on-data-change";

    public Schedule {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(timeZone, "timeZone");
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format " + format);
        }
        if (!CRON.equals(trigger) && !ON_DATA_CHANGE.equals(trigger)) {
            throw new IllegalArgumentException("trigger " + trigger);
        }
        if (CRON.equals(trigger) && cron == null) {
            throw new IllegalArgumentException("a cron schedule needs its cron");
        }
        destination = Map.copyOf(destination);
    }

    public String destinationType() {
        return String.valueOf(destination.get("type"));
    }
}
