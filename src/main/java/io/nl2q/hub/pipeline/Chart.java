package io.nl2q.hub.pipeline;

/** A chart suggestion: bar for rankings and breakdowns, line for trends, number for a single value, table otherwise. */
public record Chart(String type, String x, String y) {
    public static Chart table() {
        return new Chart("table", null, null);
    }
}
