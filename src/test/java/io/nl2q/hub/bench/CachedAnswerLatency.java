package io.nl2q.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * End-to-end latency of a cached answer over HTTP ({@code POST /api/v1/query} asked again), against a running hub.
 * Usage: CachedAnswerLatency <base-url> <api-key> <requests> [question]. Prints p50, p90, p99 and max in ms.
 */
public final class CachedAnswerLatency {
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String key = args.length > 1 ? args[1] : "acme-demo-key";
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String question = args.length > 3 ? args[3] : "Show me top 10 prescribers by TRx for Tirosint in Q4 2024";
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/query"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question.replace("\"", "\\\"") + "\"}"))
                .build();
        for (int i = 0; i < 50; i++) { // the first answer fills the cache; the rest warm the JIT
            send(client, request, i > 0);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            send(client, request, true);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("/api/v1/query cached answer, %d requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms%n", n, pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[n - 1]);
    }

    private static void send(HttpClient client, HttpRequest request, boolean mustBeCached) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || (mustBeCached && !r.body().contains("\"cached\":true"))) {
            throw new IllegalStateException("not a cached answer: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
