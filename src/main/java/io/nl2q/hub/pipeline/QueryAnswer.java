package io.nl2q.hub.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nl2q.hub.warehouse.QueryResult;
import java.util.List;

/** The public answer shape of {@code /api/v1/query} and {@code /api/v1/sql}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryAnswer(String question, String sql, List<QueryResult.ResultColumn> columns, List<List<Object>> rows,
                          int rowCount, boolean truncated, String explanation, Chart chart, String engine,
                          boolean cached, long elapsedMs, String queryId) {

    public QueryAnswer withQuestion(String question) {
        return new QueryAnswer(question, sql, columns, rows, rowCount, truncated, explanation, chart, engine, cached,
                elapsedMs, queryId);
    }

    /** The same answer showing other columns and rows (a masked copy); the row count stays the one read. */
    public QueryAnswer withTable(List<QueryResult.ResultColumn> columns, List<List<Object>> rows) {
        return new QueryAnswer(question, sql, columns, rows, rowCount, truncated, explanation, chart, engine, cached,
                elapsedMs, queryId);
    }

    public QueryAnswer withExplanation(String explanation) {
        return new QueryAnswer(question, sql, columns, rows, rowCount, truncated, explanation, chart, engine, cached,
                elapsedMs, queryId);
    }

    public QueryAnswer withChart(Chart chart) {
        return new QueryAnswer(question, sql, columns, rows, rowCount, truncated, explanation, chart, engine, cached,
                elapsedMs, queryId);
    }

    /** This answer served again from the cache, as a new answer with its own id and time. */
    public QueryAnswer servedFromCache(long elapsedMs, String queryId) {
        return new QueryAnswer(question, sql, columns, rows, rowCount, truncated, explanation, chart, engine, true,
                elapsedMs, queryId);
    }
}
