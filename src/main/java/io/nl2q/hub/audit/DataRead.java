package io.nl2q.hub.audit;

import java.util.List;
import java.util.Objects;

/**
 * One read of warehouse data outside the question routes (the OData feed), as its audit row records it: what was
 * asked, the SQL that ran, the columns it returned, and how it ended. A read that ended with an error code is a
 * refusal (a 4xx code when the request was at fault, a 5xx code such as {@code WAREHOUSE_UNAVAILABLE} when the hub
 * was), like the refusals of the API routes.
 *
 * @param request         what the client asked, in its own terms (for the feed: method, path and query)
 * @param sql             the statements that ran, or null when the read was refused before any ran
 * @param columnsReturned the columns of the rows handed out, {@code table.column}, or a bare label for derived
 *                        results (a saved question's columns); the trail reports the PII ones among them
 */
public record DataRead(String kind, String correlationId, String request, String sql, Integer rowCount,
                       List<String> columnsReturned, long elapsedMs, String errorCode, String detail) {
    public DataRead {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(correlationId, "correlationId");
        columnsReturned = columnsReturned == null ? List.of() : List.copyOf(columnsReturned);
    }

    public boolean answered() {
        return errorCode == null;
    }
}
