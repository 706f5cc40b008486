package io.nl2q.hub.reports.deliver;

import io.nl2q.hub.pipeline.QueryAnswer;
import java.time.LocalDate;

/**
 * The answer a run got, the hash of its columns and rows (for onlyWhenChanged), and the date its data is as of
 * (the warehouse's latest date; null when the hub cannot tell, then the report says when it was read).
 */
public record Answered(QueryAnswer answer, String hash, LocalDate dataAsOf) {
}
