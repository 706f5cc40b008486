package io.nl2q.hub.powerbi;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock contract stub of the Power BI REST API and the Azure AD token endpoint, behaving as Microsoft documents
 * it, failures included: client-credentials tokens with a lifetime (an expired one answers 403 TokenExpired, an
 * unknown one 401); push datasets whose tables hold the rows posted (PostRows at most 10,000 rows, 120 POSTs a minute
 * and 1,000,000 rows an hour per dataset, else 429 with Retry-After; DeleteRows empties the table); ExecuteQueries
 * counting a table's rows; refreshes (202 with RequestId and Location naming the refresh; a history of several,
 * concurrent ones included, newest first; 8 a day on shared capacity, then 429 with a Retry-After to midnight UTC).
 * Injected failures: a share of row POSTs stored and then answered 5xx (the ambiguous failure), failures before
 * storing, throttling. The stub keeps its own time ({@code clock}), shared with the hub's fake clock in tests.
 */
final class PowerBiStub implements AutoCloseable {
    static final String GROUP = "f089354e-8366-4e18-aea3-4cb4a3a50b48";
    static final String DATASET = "cfafbeb1-8037-4d0c-896e-a46fb27ff229";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GROUP_PATH = Pattern.compile("^/v1\\.0/myorg/groups/([^/]+)(/.*)?$");
    final WireMockServer server;
    private final Supplier<Instant> clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger rowPosts = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger storedThenFailed = new AtomicInteger();
    volatile long tokenLifetimeSeconds = 3599;
    /** share of row POSTs stored and then answered 503 (the service took them; the client cannot tell) */
    volatile double storedThenFail;
    /** statuses the next row POSTs answer without storing anything */
    final Deque<Integer> failBeforeStore = new ConcurrentLinkedDeque<>();
    /** Retry-After seconds the next requests (of any kind) are throttled with */
    final Deque<Long> throttleNext = new ConcurrentLinkedDeque<>();
    /** Retry-After seconds the next row POSTs are throttled with (the hourly row budget says so in hours) */
    final Deque<Long> throttleRows = new ConcurrentLinkedDeque<>();
    /** statuses the next requests (of any kind) answer, without effect */
    final Deque<Integer> failAny = new ConcurrentLinkedDeque<>();
    /** the next this many row POSTs are stored and then answered 503 */
    final AtomicInteger storedThenFailNext = new AtomicInteger();
    /** the next this many refresh POSTs start the refresh and then answer 503 */
    final AtomicInteger refreshStoredThenFailNext = new AtomicInteger();
    volatile boolean executeQueriesAllowed = true;
    /** keep no row content, only how many rows a table holds (the million-row benchmark) */
    volatile boolean countOnly;
    volatile int refreshesPerDay = 8;
    /** status sequences of the next refreshes posted (each poll of the history moves a running refresh on) */
    final Deque<List<String>> nextRefreshes = new ConcurrentLinkedDeque<>();
    private final Random random = new Random(17);

    private static final class Dataset {
        final String id;
        final String name;
        final Map<String, List<JsonNode>> tables = new ConcurrentHashMap<>();
        final Deque<Instant> posts = new ArrayDeque<>();
        final Deque<Map.Entry<Instant, Integer>> rows = new ArrayDeque<>();
        final List<Refresh> refreshes = new ArrayList<>();

        Dataset(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** A refresh as the history lists it. */
    static final class Refresh {
        final String requestId;
        final String refreshType;
        final Instant startTime;
        final Deque<String> statuses;
        String error;

        Refresh(String requestId, String refreshType, Instant startTime, List<String> statuses) {
            this.requestId = requestId;
            this.refreshType = refreshType;
            this.startTime = startTime;
            this.statuses = new ArrayDeque<>(statuses);
        }

        String status() {
            return statuses.peekFirst();
        }
    }

    PowerBiStub() {
        this(true, Instant::now);
    }

    PowerBiStub(Supplier<Instant> clock) {
        this(true, clock);
    }

    /** With or without a journal: the 1M-row benchmark keeps none (it counts requests itself). */
    PowerBiStub(boolean journal, Supplier<Instant> clock) {
        this(journal, clock, 0);
    }

    /** On {@code port} (0: any free one). */
    PowerBiStub(boolean journal, Supplier<Instant> clock, int port) {
        this.clock = clock;
        var o = options().port(port).bindAddress("127.0.0.1").containerThreads(16).extensions(new Service());
        server = new WireMockServer(journal ? o : o.disableRequestJournal());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    /** Forgets every dataset; {@code datasetExists} creates the test's dataset with its table. */
    void reset(boolean datasetExists) {
        server.resetRequests();
        datasets.clear();
        tokens.clear();
        failBeforeStore.clear();
        throttleNext.clear();
        throttleRows.clear();
        failAny.clear();
        storedThenFailNext.set(0);
        refreshStoredThenFailNext.set(0);
        executeQueriesAllowed = true;
        tokenLifetimeSeconds = 3599;
        refreshesPerDay = 8;
        nextRefreshes.clear();
        storedThenFail = 0;
        if (datasetExists) {
            Dataset d = new Dataset(DATASET, "NL2Q tirosint_writers");
            d.tables.put("tirosint_writers", java.util.Collections.synchronizedList(new ArrayList<>()));
            datasets.put(DATASET, d);
        }
    }

    /** A push dataset with one table, as the hub would have created it. */
    void addDataset(String id, String name, String table) {
        Dataset d = new Dataset(id, name);
        d.tables.put(table, java.util.Collections.synchronizedList(new ArrayList<>()));
        datasets.put(id, d);
    }

    /** What the dataset's table holds now. */
    List<JsonNode> table(String datasetId, String table) {
        Dataset d = datasets.get(datasetId);
        return d == null ? List.of() : List.copyOf(d.tables.getOrDefault(table, List.of()));
    }

    PushProperties properties(int batchSize, List<PushProperties.Binding> bindings) {
        return new PushProperties(url() + "/aad", url() + "/v1.0/myorg", "contoso-tenant", "client-id", "secret",
                batchSize, null, null, null, null, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 3, bindings);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*")));
    }

    List<LoggedRequest> rowPostRequests() {
        return requests().stream().filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().endsWith("/rows"))
                .toList();
    }

    /** What the table holds now. */
    List<JsonNode> table(String table) {
        return datasets.values().stream().findFirst().map(d -> List.copyOf(d.tables.getOrDefault(table, List.of())))
                .orElse(List.of());
    }

    /** Every issued token stops being valid (the service answers 403 TokenExpired). */
    void expireTokens() {
        tokens.replaceAll((t, at) -> Instant.EPOCH);
    }

    /** A refresh the hub did not ask for (scheduled in the service, or started by a user), newest in the history. */
    Refresh foreignRefresh(String refreshType, List<String> statuses, String error) {
        Dataset d = datasets.computeIfAbsent(DATASET, id -> new Dataset(id, "sales"));
        Refresh r = new Refresh(UUID.randomUUID().toString(), refreshType, clock.get(), statuses);
        r.error = error;
        synchronized (d) {
            d.refreshes.add(0, r);
        }
        return r;
    }

    /** Forgets the requests received so far (the datasets stay). */
    void forgetRequests() {
        server.resetRequests();
    }

    /**
     * Refresh requests Power BI accepted or refused for one dataset (others, such as a configured after-load refresh,
     * run meanwhile), not counting those refused for an expired token, which the hub sends again with a new one.
     */
    int refreshPosts(String datasetId) {
        return (int) server.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("POST")
                && e.getRequest().getUrl().endsWith("/datasets/" + datasetId + "/refreshes")
                && e.getResponse().getStatus() != 401).count();
    }

    int refreshPosts() {
        return (int) requests().stream().filter(r -> r.getMethod().getName().equals("POST")
                && r.getUrl().endsWith("/refreshes")).count();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---------------------------------------------------------------- the service

    private final class Service implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "power-bi-service";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            String path = request.getUrl();
            String method = request.getMethod().getName();
            if (path.matches("^/aad/[^/]+/oauth2/v2\\.0/token$")) {
                return token();
            }
            String auth = request.getHeader("Authorization");
            Instant expiry = auth == null ? null : tokens.get(auth.replace("Bearer ", ""));
            if (expiry == null) {
                return error(401, "PowerBINotAuthorizedException", "the access token is missing or invalid").build();
            }
            if (!clock.get().isBefore(expiry)) {
                return error(403, "TokenExpired", "Access token has expired, resubmit with a new access token")
                        .withHeaders(headers().plus(new HttpHeader("X-PowerBI-Error-Info", "TokenExpired"))).build();
            }
            Long throttle = throttleNext.poll();
            if (throttle != null) {
                throttled.incrementAndGet();
                return tooMany(throttle);
            }
            Integer failure = failAny.poll();
            if (failure != null) {
                return error(failure, "InternalServerError", "the request failed").build();
            }
            Matcher m = GROUP_PATH.matcher(path);
            if (!m.matches() || !GROUP.equals(m.group(1))) {
                return error(404, "PowerBIEntityNotFound", "no such workspace").build();
            }
            return route(method, m.group(2) == null ? "" : m.group(2), request.getBodyAsString());
        }
    }

    private ResponseDefinition token() {
        String value = "eyJ0eXAi." + UUID.randomUUID();
        tokens.put(value, clock.get().plusSeconds(tokenLifetimeSeconds));
        tokensIssued.incrementAndGet();
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds + ",\"ext_expires_in\":"
                + tokenLifetimeSeconds + ",\"access_token\":\"" + value + "\"}").build();
    }

    private ResponseDefinition route(String method, String path, String body) {
        Matcher m;
        if (method.equals("GET") && path.equals("/datasets")) {
            ArrayNode value = JSON.createArrayNode();
            datasets.values().forEach(d -> value.addObject().put("id", d.id).put("name", d.name)
                    .put("addRowsAPIEnabled", true));
            return json(200, JSON.createObjectNode().put("@odata.context", "x").set("value", value).toString()).build();
        }
        if (method.equals("POST") && path.startsWith("/datasets?")) {
            JsonNode spec = read(body);
            Dataset d = new Dataset(datasets.isEmpty() ? DATASET : UUID.randomUUID().toString(),
                    spec.path("name").asText());
            spec.path("tables").forEach(t -> d.tables.put(t.path("name").asText(),
                    java.util.Collections.synchronizedList(new ArrayList<>())));
            datasets.put(d.id, d);
            return json(201, JSON.createObjectNode().put("id", d.id).put("name", d.name).toString()).build();
        }
        if ((m = Pattern.compile("^/datasets/([^/?]+)(/.*)?$").matcher(path)).matches()) {
            Dataset d = datasets.get(m.group(1));
            if (d == null) {
                return error(404, "ItemNotFound", "Dataset " + m.group(1) + " is not found").build();
            }
            return dataset(d, method, m.group(2) == null ? "" : m.group(2), body);
        }
        return error(404, "PowerBIEntityNotFound", "no such resource").build();
    }

    private ResponseDefinition dataset(Dataset d, String method, String sub, String body) {
        Matcher m;
        if (method.equals("GET") && sub.equals("/tables")) {
            ArrayNode value = JSON.createArrayNode();
            d.tables.keySet().forEach(t -> value.addObject().put("name", t));
            return json(200, JSON.createObjectNode().set("value", value).toString()).build();
        }
        if ((m = Pattern.compile("^/tables/([^/]+)/rows$").matcher(sub)).matches()) {
            List<JsonNode> table = d.tables.get(java.net.URLDecoder.decode(m.group(1),
                    java.nio.charset.StandardCharsets.UTF_8));
            if (table == null) {
                return error(404, "ItemNotFound", "Table is not found").build();
            }
            if (method.equals("DELETE")) {
                table.clear();
                return json(200, "").build();
            }
            return postRows(d, table, read(body).path("rows"));
        }
        if (method.equals("POST") && sub.equals("/executeQueries")) {
            if (!executeQueriesAllowed) {
                return error(401, "PowerBINotAuthorizedException", "the tenant does not allow dataset queries").build();
            }
            Matcher q = Pattern.compile("COUNTROWS\\('([^']+)'\\)").matcher(read(body).path("queries").path(0)
                    .path("query").asText());
            if (!q.find() || !d.tables.containsKey(q.group(1))) {
                return error(400, "DatasetExecuteQueriesError", "the query could not be run").build();
            }
            ObjectNode out = JSON.createObjectNode();
            out.putArray("results").addObject().putArray("tables").addObject().putArray("rows").addObject()
                    .put("[rows]", d.tables.get(q.group(1)).size());
            return json(200, out.toString()).build();
        }
        if (sub.startsWith("/refreshes")) {
            return method.equals("POST") ? postRefresh(d) : history(d, sub);
        }
        return error(404, "PowerBIEntityNotFound", "no such resource").build();
    }

    private ResponseDefinition postRows(Dataset d, List<JsonNode> table, JsonNode rows) {
        rowPosts.incrementAndGet();
        Long throttle = throttleRows.poll();
        if (throttle != null) {
            throttled.incrementAndGet();
            return tooMany(throttle);
        }
        if (rows.size() > 10_000) {
            return error(400, "InvalidRequest", "a request may add at most 10,000 rows").build();
        }
        Instant now = clock.get();
        synchronized (d) {
            while (!d.posts.isEmpty() && !d.posts.peekFirst().plus(Duration.ofMinutes(1)).isAfter(now)) {
                d.posts.removeFirst();
            }
            while (!d.rows.isEmpty() && !d.rows.peekFirst().getKey().plus(Duration.ofHours(1)).isAfter(now)) {
                d.rows.removeFirst();
            }
            if (d.posts.size() >= 120) {
                throttled.incrementAndGet();
                return tooMany(Math.max(1, Duration.between(now, d.posts.peekFirst().plusSeconds(60)).toSeconds()));
            }
            long inHour = d.rows.stream().mapToLong(Map.Entry::getValue).sum();
            if (inHour + rows.size() > 1_000_000) {
                throttled.incrementAndGet();
                return tooMany(Math.max(1, Duration.between(now, d.rows.peekFirst().getKey().plus(Duration.ofHours(1)))
                        .toSeconds()));
            }
            Integer before = failBeforeStore.poll();
            if (before != null) {
                return error(before, "InternalServerError", "the request failed").build();
            }
            d.posts.addLast(now);
            d.rows.addLast(Map.entry(now, rows.size()));
            rows.forEach(r -> table.add(countOnly ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : r));
            if (storedThenFailNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                    || storedThenFail > 0 && random.nextDouble() < storedThenFail) {
                storedThenFailed.incrementAndGet();
                return error(503, "ServiceUnavailable", "the service is busy").build();
            }
        }
        return json(200, "").build();
    }

    private ResponseDefinition postRefresh(Dataset d) {
        Instant now = clock.get();
        Instant dayStart = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        synchronized (d) {
            long today = d.refreshes.stream().filter(r -> r.refreshType.equals("ViaApi")
                    && !r.startTime.isBefore(dayStart)).count();
            if (today >= refreshesPerDay) {
                return tooMany(Duration.between(now, dayStart.plus(Duration.ofDays(1))).toSeconds());
            }
            List<String> statuses = nextRefreshes.poll();
            Refresh r = new Refresh(UUID.randomUUID().toString(), "ViaApi", now,
                    statuses == null ? List.of("Unknown", "Completed") : statuses);
            d.refreshes.add(0, r);
            if (refreshStoredThenFailNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return error(503, "ServiceUnavailable", "the service is busy").build();
            }
            // the POST's RequestId is the refresh's; x-ms-request-id is only the call's correlation id
            return ResponseDefinitionBuilder.responseDefinition().withStatus(202).withHeaders(new HttpHeaders(
                    new HttpHeader("RequestId", r.requestId),
                    new HttpHeader("x-ms-request-id", UUID.randomUUID().toString()),
                    new HttpHeader("Location", url() + "/v1.0/myorg/groups/" + GROUP + "/datasets/" + d.id
                            + "/refreshes/" + r.requestId))).build();
        }
    }

    /** GetRefreshHistory, newest first; each read moves every running refresh one status on. */
    private ResponseDefinition history(Dataset d, String sub) {
        Matcher top = Pattern.compile("\\$top=(\\d+)").matcher(sub);
        int n = top.find() ? Integer.parseInt(top.group(1)) : 60;
        ArrayNode value = JSON.createArrayNode();
        synchronized (d) {
            for (Refresh r : d.refreshes.subList(0, Math.min(n, d.refreshes.size()))) {
                ObjectNode o = value.addObject().put("requestId", r.requestId).put("refreshType", r.refreshType)
                        .put("startTime", r.startTime.toString()).put("status", r.status());
                if ("Failed".equals(r.status())) {
                    o.put("serviceExceptionJson", "{\"errorCode\":\"" + (r.error == null ? "ModelRefreshFailed"
                            : r.error) + "\"}");
                }
            }
            d.refreshes.forEach(r -> {
                if (r.statuses.size() > 1) {
                    r.statuses.removeFirst();
                }
            });
        }
        return json(200, JSON.createObjectNode().set("value", value).toString()).build();
    }

    private ResponseDefinition tooMany(long retryAfterSeconds) {
        return error(429, "TooManyRequests", "too many requests").withHeaders(headers()
                .plus(new HttpHeader("Retry-After", String.valueOf(retryAfterSeconds)))).build();
    }

    private ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", code)
                .put("message", message)).toString());
    }

    private ResponseDefinitionBuilder json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withBody(body).withHeaders(headers());
    }

    /** Every answer carries a RequestId of its own (support correlation) and an x-ms-request-id. */
    private HttpHeaders headers() {
        return new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=utf-8"),
                new HttpHeader("RequestId", UUID.randomUUID().toString()),
                new HttpHeader("x-ms-request-id", UUID.randomUUID().toString()));
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
