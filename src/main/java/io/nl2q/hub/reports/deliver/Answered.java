package io.nl2q.hub.reports.deliver;

import io.nl2q.hub.query.QueryAnswer;

/** The answer a run got, and the hash of its columns and rows (for onlyWhenChanged). */
public record Answered(QueryAnswer answer, String hash) {
}
