package io.nl2q.hub.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nl2q.hub.warehouse.QueryResult;
import java.util.List;

/** The public answer shape of {@code /api/v1/query} and {@code /api/v1/sql}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryAnswer(String question, String sql, List<QueryResult.ResultColumn> columns, List<List<Object>> rows,
                          int rowCount, boolean truncated, String explanation, Chart chart, String engine,
                          boolean cached, long elapsedMs, String queryId) {
}
