package io.nl2q.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * End-to-end latency of {@code POST /api/v1/query} over the development set's answerable questions, against a
 * running hub: a first pass (generated, guarded and executed: nothing cached yet) and a second pass (cached).
 * Usage: QuestionLatencyBench <base-url> <api-key> [eval/questions.yaml]. Prints p50, p90, p99, max per pass.
 */
public final class QuestionLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String key = args.length > 1 ? args[1] : "acme-demo-key";
        Path file = Path.of(args.length > 2 ? args[2] : "eval/questions.yaml");
        List<String> questions = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            List<Map<String, Object>> items = new Yaml().load(in);
            for (Map<String, Object> item : items) {
                if (!"refuse".equals(item.get("shape"))) {
                    questions.add((String) item.get("question"));
                }
            }
        }
        HttpClient client = HttpClient.newHttpClient();
        report("first pass (generate + guard + execute)", time(client, base, key, questions, false));
        report("second pass (cached)", time(client, base, key, questions, true));
    }

    private static double[] time(HttpClient client, String base, String key, List<String> questions,
                                 boolean cached) throws Exception {
        double[] ms = new double[questions.size()];
        int answered = 0;
        for (int i = 0; i < questions.size(); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/query"))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.createObjectNode().put("question", questions.get(i)).toString())).build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() == 200) {
                answered++;
                if (cached && !r.body().contains("\"cached\":true")) {
                    throw new IllegalStateException("expected a cached answer for: " + questions.get(i));
                }
            }
        }
        System.out.printf("%d of %d questions answered%n", answered, questions.size());
        return ms;
    }

    private static void report(String pass, double[] ms) {
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("/api/v1/query %s, %d questions: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pass, sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
