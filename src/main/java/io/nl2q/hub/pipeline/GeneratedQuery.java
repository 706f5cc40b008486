package io.nl2q.hub.pipeline;

import java.util.Objects;

/**
 * What a query generator produced for a question: SQL (still to be guarded), which engine made it, a plain-English
 * explanation of exactly what it computes, and a chart suggestion.
 */
public record GeneratedQuery(String sql, String engine, String explanation, Chart chart) {
    public GeneratedQuery {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(engine, "engine");
        chart = chart == null ? Chart.table() : chart;
    }
}
