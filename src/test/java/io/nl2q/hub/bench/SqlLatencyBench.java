package io.nl2q.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Latency of {@code POST /api/v1/sql} for a typical aggregate over rx_weekly, against a running hub.
 * Usage: SqlLatencyBench <base-url> <api-key> <requests>. Prints p50, p90, p99 and max in milliseconds.
 */
public final class SqlLatencyBench {
    static final String TYPICAL_AGGREGATE = "SELECT p.product_name, SUM(r.trx) AS trx, SUM(r.nrx) AS nrx "
            + "FROM rx_weekly r JOIN product p ON p.product_id = r.product_id "
            + "WHERE r.week_ending BETWEEN DATE '2025-07-01' AND DATE '2025-09-30' "
            + "GROUP BY p.product_name ORDER BY trx DESC";

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String key = args.length > 1 ? args[1] : "acme-demo-key";
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"sql\": \"" + TYPICAL_AGGREGATE.replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/sql"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int i = 0; i < 20; i++) {
            check(client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            check(client.send(request, HttpResponse.BodyHandlers.ofString()));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("/api/v1/sql typical aggregate over rx_weekly, %d requests: p50 %.1f ms, p90 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", n, pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[n - 1]);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
