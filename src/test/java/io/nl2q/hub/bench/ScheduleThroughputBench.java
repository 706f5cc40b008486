package io.nl2q.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs per minute one replica sustains with N schedules (default 1,000) due at the same minute: saves one question,
 * creates N cron schedules that fire once at the same second (a cron of one minute of one year), delivering to a
 * webhook this process receives, then waits until every schedule has run and prints the runs per minute (first fire
 * to last delivery), the p50/p95 delay from the due time, and how many schedules ran not once (lost or doubled).
 * Prints figures; not a test. Run against a hub started without rate limits (bench/reports does both):
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.nl2q.hub.bench.ScheduleThroughputBench
 * http://127.0.0.1:18081 acme-demo-key 1000}
 */
public final class ScheduleThroughputBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger TRANSPORT_ERRORS = new AtomicInteger();

    private ScheduleThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args.length > 1 ? args[1] : "acme-demo-key";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Map<Long, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.computeIfAbsent(body.path("scheduleId").asLong(), id -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            run(base, key, count, received, "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
        } finally {
            hook.stop(0);
        }
    }

    private static void run(String base, String key, int count, Map<Long, AtomicInteger> received, String url)
            throws Exception {

        JsonNode saved = post(base, key, "/api/v1/saved-questions", JSON.createObjectNode()
                .put("name", "bench_regions_" + System.nanoTime())
                .put("sql", "SELECT region, COUNT(*) AS territories FROM territory GROUP BY region ORDER BY region"));
        long savedId = saved.path("id").asLong();
        // all due at one second, far enough ahead for the schedules to be created first (about 2 min per 1,000 here)
        ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60 + count / 8).withSecond(0).withNano(0)
                .plusMinutes(1);
        String cron = "0 %d %d %d %d ? %d".formatted(due.getMinute(), due.getHour(), due.getDayOfMonth(),
                due.getMonthValue(), due.getYear());
        List<Long> schedules = new ArrayList<>(count);
        long created = System.nanoTime();
        for (int i = 0; i < count; i++) {
            var body = JSON.createObjectNode().put("savedQuestion", savedId).put("cron", cron).put("timeZone", "UTC")
                    .put("format", "csv").put("onlyWhenChanged", false);
            body.putObject("destination").put("type", "webhook").put("url", url);
            schedules.add(post(base, key, "/api/v1/schedules", body).path("id").asLong());
        }
        System.out.printf("%,d schedules created in %,d ms, all due at %s (cron \"%s\")%n", count,
                (System.nanoTime() - created) / 1_000_000, due.toInstant(), cron);
        if (Instant.now().isAfter(due.toInstant())) {
            System.out.println("WARNING: creating them took past the due time; the figures include the backlog");
        }

        Instant deadline = due.toInstant().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline) && received.size() < count) {
            Thread.sleep(2000);
        }
        Thread.sleep(5000); // a doubled run would arrive late
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        int notOnce = 0;
        int delivered = 0;
        for (long id : schedules) {
            JsonNode runs = get(base, key, "/api/v1/schedules/" + id + "/runs");
            if (runs.size() != 1 || received.getOrDefault(id, new AtomicInteger()).get() != 1) {
                notOnce++;
            }
            for (JsonNode run : runs) {
                if ("delivered".equals(run.path("status").asText())) {
                    delivered++;
                    Instant start = Instant.parse(run.path("startedAt").asText());
                    Instant end = Instant.parse(run.path("finishedAt").asText());
                    starts.add(start);
                    ends.add(end);
                    delays.add(Duration.between(due.toInstant(), end).toMillis());
                }
            }
            // the bench's schedules go again, so the next round starts from an empty hub
            delete(base, key, "/api/v1/schedules/" + id);
        }
        delete(base, key, "/api/v1/saved-questions/" + savedId);
        if (starts.isEmpty()) {
            System.out.println("no run was delivered");
            return;
        }
        Instant first = starts.stream().min(Instant::compareTo).orElseThrow();
        Instant last = ends.stream().max(Instant::compareTo).orElseThrow();
        double minutes = Duration.between(first, last).toMillis() / 60_000.0;
        delays.sort(null);
        System.out.printf("%,d of %,d delivered, %d schedules not run exactly once; %,.0f runs/min (first start to"
                        + " last delivery %.1f s); delivered after the due time: p50 %,d ms, p95 %,d ms, max %,d ms%n",
                delivered, count, notOnce, delivered / Math.max(minutes, 1e-9), minutes * 60,
                delays.get(delays.size() / 2), delays.get((int) Math.ceil(delays.size() * 0.95) - 1),
                delays.get(delays.size() - 1));
        if (TRANSPORT_ERRORS.get() > 0) {
            System.out.printf("%d requests got no answer from the hub and were sent again%n", TRANSPORT_ERRORS.get());
        }
    }

    private static JsonNode post(String base, String key, String path, JsonNode body) throws IOException,
            InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static JsonNode get(String base, String key, String path) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key).GET())
                .body());
    }

    private static void delete(String base, String key, String path) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key).DELETE());
    }

    /**
     * Sends it, waiting out a 429 (Retry-After) so a rate limit slows the setup instead of failing it, and sending
     * again after a connection the hub closed without an answer (counted and printed: a POST sent again may have
     * created a schedule whose id the bench never learnt; it runs too, outside the figures).
     */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r;
            try {
                r = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt > 5) {
                    throw e;
                }
                System.out.println("no answer (" + e.getMessage() + "): sent again, " + built.method() + " "
                        + built.uri().getPath() + " (" + TRANSPORT_ERRORS.incrementAndGet() + " so far)");
                Thread.sleep(500);
                continue;
            }
            if (r.statusCode() != 429 || attempt > 20) {
                return r;
            }
            Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
        }
    }
}
