package io.nl2q.hub.reports.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;

/** One run of a schedule; status {@code running} until it ends as one of {@link #ENDS}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportRun(long runId, long scheduleId, String firedBy, String status, String destination, Integer rows,
                        Long bytes, Instant startedAt, Instant finishedAt, String error) {
    public static final String RUNNING = "running";
    public static final String DELIVERED = "delivered";
    public static final String SKIPPED = "skipped-unchanged";
    public static final String FAILED = "failed";
    public static final String PARKED = "parked";
    public static final Set<String> ENDS = Set.of(DELIVERED, SKIPPED, FAILED, PARKED);
}
