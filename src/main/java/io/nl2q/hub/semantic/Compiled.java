package io.nl2q.hub.semantic;

import io.nl2q.hub.pipeline.Chart;

/** SQL with its plain-English account of exactly what it computes and a chart suggestion. */
record Compiled(String sql, String explanation, Chart chart) {
}
