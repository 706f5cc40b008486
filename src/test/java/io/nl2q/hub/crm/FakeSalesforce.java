package io.nl2q.hub.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock contract stub of a Veeva org on the Salesforce REST API, replaying the documented shapes: OAuth token
 * (password and JWT bearer; identity URL with 18-character org and user ids), query/queryAll paged by nextRecordsUrl,
 * sObject Collections upsert with per-record errors, Bulk API 2.0 query and ingest jobs with CSV, /limits, the
 * Sforce-Limit-Info header, REQUEST_LIMIT_EXCEEDED and INVALID_SESSION_ID. Records live in memory so a test can
 * change, delete and inspect them; every API call is counted.
 */
final class FakeSalesforce implements AutoCloseable {
    static final String ORG_ID = "00D5e000000AbCdEAK";
    static final String USER_ID = "0055e000001XyZaAAK";
    private static final DateTimeFormatter REST_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
    private static final DateTimeFormatter CSV_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;
    /** object -> id -> fields (with SystemModstamp as Instant, IsDeleted as Boolean). */
    private final Map<String, Map<String, Map<String, Object>>> objects = new ConcurrentHashMap<>();
    /** object -> records generated on demand from their index (benchmarks: millions without holding them). */
    private final Map<String, Synthetic> synthetic = new ConcurrentHashMap<>();
    /** The Streaming API (CometD) with change event channels; see {@link FakeStreaming}. */
    final FakeStreaming cometd = new FakeStreaming(this::json);
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** record id -> error code: collections and bulk refuse these records, {@code transientFailures} times or always. */
    final Map<String, String> rejects = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
    final AtomicInteger apiCalls = new AtomicInteger();
    /** records returned by query pages (REST), to see what a pull reads again */
    final AtomicInteger recordsServed = new AtomicInteger();
    /** record id -> how many times a push wrote it (Collections or Bulk), to see what is written twice */
    final Map<String, Integer> writes = new ConcurrentHashMap<>();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicLong dailyMax = new AtomicLong(1_000_000);
    final AtomicLong dailyUsed = new AtomicLong();
    /** the n-th data call from now answers 500 (a crash mid-sync); 0 = never */
    final AtomicInteger failCallAt = new AtomicInteger();
    final List<String> soql = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong clock = new AtomicLong(Instant.now().minusSeconds(3600).toEpochMilli());
    private static final long RUN = 60_466_176L + System.currentTimeMillis() % 1_000_000_000L;
    private final AtomicLong serial = new AtomicLong(1);
    private volatile int pageSize = 2000;

    FakeSalesforce(int port) {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").disableRequestJournal()
                .containerThreads(16).extensions(new Org()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer server() {
        return server;
    }

    void pageSize(int size) {
        pageSize = size;
    }

    void expireSessions() {
        tokens.clear();
    }

    void reset() {
        cometd.reset();
        objects.clear();
        synthetic.clear();
        cursors.clear();
        jobs.clear();
        rejects.clear();
        transientFailures.clear();
        apiCalls.set(0);
        recordsServed.set(0);
        writes.clear();
        logins.set(0);
        dailyUsed.set(0);
        dailyMax.set(1_000_000);
        failCallAt.set(0);
        soql.clear();
        pageSize = 2000;
    }

    /** Creates or changes a record: its SystemModstamp moves to the org's clock, strictly increasing. */
    String put(String object, String id, Map<String, Object> fields) {
        return put(object, id, fields, List.of());
    }

    private String put(String object, String id, Map<String, Object> fields, List<String> cleared) {
        String key = id != null ? id : newId(object);
        Map<String, Object> record = objects.computeIfAbsent(object, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new LinkedHashMap<>());
        synchronized (record) {
            record.putAll(fields);
            cleared.forEach(record::remove);
            record.put("Id", key);
            record.put("IsDeleted", false);
            record.put("SystemModstamp", tick());
        }
        return key;
    }

    /** Bulk seeding: same stamps policy, no per-record clock jump beyond 1 ms. */
    void seed(String object, String id, Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.put("Id", id);
        record.put("IsDeleted", false);
        record.put("SystemModstamp", Instant.ofEpochMilli(clock.incrementAndGet()));
        objects.computeIfAbsent(object, o -> new ConcurrentHashMap<>()).put(id, record);
    }

    /**
     * The org's clock: wall time at SystemModstamp's precision (milliseconds), strictly increasing; many changes share
     * a second, as a data load's do.
     */
    private Instant tick() {
        return Instant.ofEpochMilli(clock.updateAndGet(c -> Math.max(c + 1, System.currentTimeMillis())));
    }

    /**
     * {@code count} records of {@code object} that exist only as a generator: record {@code i} is
     * {@code fields.apply(i)} plus Id {@link #syntheticId}, IsDeleted false and a SystemModstamp increasing with i.
     * Query results and Bulk 2.0 result pages are generated page by page, so a million records cost no memory here.
     */
    void synthesize(String object, int count, java.util.function.IntFunction<Map<String, Object>> fields) {
        long base = clock.getAndAdd(count + 1L);
        synthetic.put(object, new Synthetic(object, count, base, fields));
    }

    static String syntheticId(String object, int i) {
        return (object.equals("Account") ? "001" : "a04") + "9S" + String.format("%010d", i) + "AAA";
    }

    private record Synthetic(String object, int count, long base,
                             java.util.function.IntFunction<Map<String, Object>> fields) {
        Map<String, Object> record(int i) {
            Map<String, Object> r = new LinkedHashMap<>(fields.apply(i));
            r.put("Id", syntheticId(object, i));
            r.put("IsDeleted", false);
            r.put("SystemModstamp", Instant.ofEpochMilli(base + i));
            return r;
        }

        /** The matching records, in SystemModstamp order, as a list that generates each one when read. */
        List<Map<String, Object>> select(Predicate<Map<String, Object>> where) {
            int[] matching = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (where.test(record(i))) {
                    matching[n++] = i;
                }
            }
            int size = n;
            return new java.util.AbstractList<>() {
                @Override
                public Map<String, Object> get(int index) {
                    return record(matching[index]);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    private List<Map<String, Object>> rows(FakeSoql.Select select, boolean all) {
        Synthetic generated = synthetic.get(select.object);
        if (generated != null) {
            return generated.select(select.where);
        }
        return select.run(objects.getOrDefault(select.object, Map.of()), all);
    }

    void delete(String object, String id) {
        Map<String, Object> record = objects.get(object).get(id);
        synchronized (record) {
            record.put("IsDeleted", true);
            record.put("SystemModstamp", tick());
        }
    }

    Map<String, Object> get(String object, String id) {
        return objects.getOrDefault(object, Map.of()).get(id);
    }

    String newId(String object) {
        String prefix = object.equals("Account") ? "001" : "a04";
        // unique across runs too: the test warehouse file outlives a JVM
        return prefix + "5e" + Long.toString(RUN, 36).substring(0, 5) + String.format("%05d", serial.getAndIncrement())
                + "AAA";
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---------------------------------------------------------------- the org

    private record Cursor(List<Map<String, Object>> rows, List<String> fields, int offset) {
    }

    private static final class Job {
        final String id;
        final String kind;
        final JsonNode spec;
        volatile String state;
        volatile int polls;
        final StringBuilder upload = new StringBuilder();
        List<Map<String, Object>> rows;
        List<String> fields;
        String failedCsv = "";

        Job(String id, String kind, JsonNode spec, String state) {
            this.id = id;
            this.kind = kind;
            this.spec = spec;
            this.state = state;
        }
    }

    private final class Org implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "fake-salesforce-org";
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
            try {
                if (path.startsWith("/services/oauth2/token")) {
                    return token(request.getBodyAsString());
                }
                if (path.startsWith("/__test/")) {
                    return text(200, "text/html", resource(path));
                }
                String auth = request.getHeader("Authorization");
                if (auth == null || !tokens.contains(auth.replace("Bearer ", ""))) {
                    return json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
                }
                if (path.startsWith("/cometd/")) {
                    return cometd.handle(read(request.getBodyAsString()));
                }
                apiCalls.incrementAndGet();
                if (dailyUsed.get() >= dailyMax.get()) {
                    return json(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
                }
                dailyUsed.incrementAndGet();
                int failAt = failCallAt.get();
                if (failAt > 0 && failCallAt.decrementAndGet() == 0) {
                    return json(500, "[{\"message\":\"An unexpected error occurred.\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]");
                }
                return route(method, path.replaceFirst("^/services/data/v\\d+\\.\\d+", ""), request.getBodyAsString());
            } catch (RuntimeException e) {
                return json(400, "[{\"message\":" + JSON.valueToTree(String.valueOf(e.getMessage()))
                        + ",\"errorCode\":\"MALFORMED_QUERY\"}]");
            }
        }
    }

    private String resource(String path) {
        return testPages.getOrDefault(path, "");
    }

    final Map<String, String> testPages = new ConcurrentHashMap<>();

    private ResponseDefinition token(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String grant = params.get("grant_type");
        boolean good = switch (grant == null ? "" : grant) {
            case "password" -> "hub-user@acme.example".equals(params.get("username"))
                    && "secret+token".equals(params.get("password"));
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> params.getOrDefault("assertion", "")
                    .split("\\.").length == 3;
            default -> false;
        };
        if (!good) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
        }
        logins.incrementAndGet();
        String token = ORG_ID + "!AQ" + java.util.UUID.randomUUID().toString().replace("-", "");
        tokens.add(token);
        ObjectNode body = JSON.createObjectNode().put("access_token", token).put("instance_url", url())
                .put("id", "https://login.salesforce.com/id/" + ORG_ID + "/" + USER_ID).put("token_type", "Bearer")
                .put("issued_at", String.valueOf(System.currentTimeMillis())).put("signature", "c2lnbmF0dXJl");
        return json(200, body.toString());
    }

    private ResponseDefinition route(String method, String path, String body) throws RuntimeException {
        Matcher m;
        if (method.equals("GET") && path.equals("/limits")) {
            ObjectNode limits = JSON.createObjectNode();
            limits.putObject("DailyApiRequests").put("Max", dailyMax.get()).put("Remaining",
                    dailyMax.get() - dailyUsed.get());
            limits.putObject("DailyBulkV2QueryJobs").put("Max", 10000).put("Remaining", 10000);
            return json(200, limits.toString());
        }
        if (method.equals("GET") && (m = Pattern.compile("^/(query|queryAll)\\?q=(.*)$").matcher(path)).matches()) {
            String q = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            soql.add(q);
            FakeSoql.Select select = FakeSoql.Select.parse(q);
            boolean all = m.group(1).equals("queryAll");
            List<Map<String, Object>> rows = rows(select, all);
            return page(new Cursor(rows, select.fields, 0));
        }
        if (method.equals("GET") && (m = Pattern.compile("^/query/([\\w-]+)$").matcher(path)).matches()) {
            Cursor c = cursors.remove(m.group(1));
            if (c == null) {
                return json(400, "[{\"message\":\"invalid query locator\",\"errorCode\":\"INVALID_QUERY_LOCATOR\"}]");
            }
            return page(c);
        }
        if (method.equals("PATCH") && (m = Pattern.compile("^/composite/sobjects/(\\w+)/(\\w+)$").matcher(path)).matches()) {
            return collections(m.group(1), m.group(2), body);
        }
        if (method.equals("POST") && path.equals("/jobs/query")) {
            JsonNode spec = read(body);
            soql.add(spec.path("query").asText());
            FakeSoql.Select select = FakeSoql.Select.parse(spec.path("query").asText());
            Job job = new Job("750" + newId("Job").substring(3), "query", spec, "UploadComplete");
            job.rows = rows(select, spec.path("operation").asText().equals("queryAll"));
            job.fields = select.fields;
            jobs.put(job.id, job);
            return json(200, jobInfo(job).toString());
        }
        if (method.equals("POST") && path.equals("/jobs/ingest")) {
            Job job = new Job("750" + newId("Job").substring(3), "ingest", read(body), "Open");
            jobs.put(job.id, job);
            return json(200, jobInfo(job).toString());
        }
        if ((m = Pattern.compile("^/jobs/(query|ingest)/(\\w+)(/[\\w]+)?/?(\\?.*)?$").matcher(path)).matches()) {
            Job job = jobs.get(m.group(2));
            if (job == null) {
                return json(404, "[{\"message\":\"job not found\",\"errorCode\":\"NOT_FOUND\"}]");
            }
            String sub = m.group(3) == null ? "" : m.group(3);
            return jobCall(job, method, sub, m.group(4), body);
        }
        return json(404, "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
    }

    private ResponseDefinition page(Cursor c) {
        int end = Math.min(c.rows.size(), c.offset + pageSize);
        ObjectNode body = JSON.createObjectNode().put("totalSize", c.rows.size()).put("done", end >= c.rows.size());
        if (end < c.rows.size()) {
            String locator = "01g" + java.util.UUID.randomUUID().toString().substring(0, 12) + "-" + end;
            cursors.put(locator, new Cursor(c.rows, c.fields, end));
            body.put("nextRecordsUrl", "/services/data/v60.0/query/" + locator);
        }
        ArrayNode records = body.putArray("records");
        recordsServed.addAndGet(end - c.offset);
        for (Map<String, Object> row : c.rows.subList(c.offset, end)) {
            ObjectNode r = records.addObject();
            r.putObject("attributes").put("type", "Account").put("url", "/services/data/v60.0/sobjects/x/" + row.get("Id"));
            for (String f : c.fields) {
                Object v = row.get(f);
                if (v == null) {
                    r.putNull(f);
                } else if (v instanceof Instant i) {
                    r.put(f, REST_STAMP.format(i.atOffset(ZoneOffset.UTC)));
                } else if (v instanceof Boolean b) {
                    r.put(f, b);
                } else if (v instanceof Number n) {
                    r.put(f, n.doubleValue());
                } else {
                    r.put(f, v.toString());
                }
            }
        }
        return json(200, body.toString());
    }

    private ResponseDefinition collections(String object, String keyField, String body) {
        JsonNode request = read(body);
        if (request.path("records").size() > 200) {
            return json(400, "[{\"message\":\"max 200 records\",\"errorCode\":\"EXCEEDED_MAX_SIZE_REQUEST\"}]");
        }
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode record : request.path("records")) {
            String key = record.path(keyField).asText();
            String error = refusal(key);
            ObjectNode result = results.addObject();
            if (error != null) {
                result.put("success", false);
                result.putArray("errors").addObject().put("statusCode", error)
                        .put("message", "refused by the fake org").putArray("fields");
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            List<String> cleared = new ArrayList<>();
            record.fields().forEachRemaining(e -> {
                if (e.getKey().equals("attributes")) {
                    return;
                }
                if (e.getValue().isNull()) {
                    cleared.add(e.getKey()); // JSON null empties the field
                } else {
                    fields.put(e.getKey(), e.getValue().isBoolean() ? e.getValue().asBoolean() : e.getValue().asText());
                }
            });
            boolean created = get(object, key) == null;
            put(object, key, fields, cleared);
            writes.merge(key, 1, Integer::sum);
            result.put("id", key).put("success", true).put("created", created).putArray("errors");
        }
        return json(200, results.toString());
    }

    private String refusal(String key) {
        String error = rejects.get(key);
        if (error == null) {
            return null;
        }
        AtomicInteger remaining = transientFailures.get(key);
        if (remaining != null && remaining.getAndDecrement() <= 0) {
            return null;
        }
        return error;
    }

    private ResponseDefinition jobCall(Job job, String method, String sub, String query, String body) {
        switch (method + " " + sub) {
            case "GET " -> {
                if (job.kind.equals("query") || job.state.equals("UploadComplete") || job.state.equals("InProgress")) {
                    job.state = ++job.polls >= 2 ? "JobComplete" : "InProgress";
                }
                return json(200, jobInfo(job).toString());
            }
            case "PUT /batches" -> {
                job.upload.append(body);
                return text(201, "text/plain", "");
            }
            case "PATCH " -> {
                job.state = read(body).path("state").asText();
                if (job.state.equals("UploadComplete")) {
                    ingest(job);
                }
                return json(200, jobInfo(job).toString());
            }
            case "GET /results" -> {
                return results(job, query);
            }
            case "GET /failedResults" -> {
                return text(200, "text/csv", job.failedCsv);
            }
            default -> {
                return json(404, "[{\"message\":\"no such job resource\",\"errorCode\":\"NOT_FOUND\"}]");
            }
        }
    }

    private void ingest(Job job) {
        String object = job.spec.path("object").asText();
        String key = job.spec.path("externalIdFieldName").asText();
        List<Map<String, String>> rows = Csv.read(job.upload.toString());
        StringBuilder failed = new StringBuilder();
        List<String> header = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
        failed.append("\"sf__Id\",\"sf__Error\"");
        header.forEach(h -> failed.append(",\"").append(h).append('"'));
        failed.append('\n');
        for (Map<String, String> row : rows) {
            String error = refusal(row.get(key));
            if (error != null) {
                failed.append("\"\",\"").append(error).append(":refused by the fake org:--\"");
                header.forEach(h -> failed.append(",\"").append(row.get(h) == null ? "" : row.get(h)).append('"'));
                failed.append('\n');
            } else {
                // Bulk 2.0: an empty value leaves the field as it is, #N/A empties it
                Map<String, Object> fields = new LinkedHashMap<>();
                List<String> cleared = new ArrayList<>();
                row.forEach((k, v) -> {
                    if ("#N/A".equals(v)) {
                        cleared.add(k);
                    } else if (v != null && !v.isEmpty()) {
                        fields.put(k, v);
                    }
                });
                put(object, row.get(key), fields, cleared);
                writes.merge(row.get(key), 1, Integer::sum);
            }
        }
        job.failedCsv = failed.toString();
    }

    private ResponseDefinition results(Job job, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.substring(1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        int max = Integer.parseInt(params.getOrDefault("maxRecords", "100000"));
        int from = Integer.parseInt(params.getOrDefault("locator", "0"));
        int to = Math.min(job.rows.size(), from + max);
        StringBuilder csv = new StringBuilder(Math.max(64, (to - from) * 120));
        csv.append(String.join(",", job.fields.stream().map(f -> "\"" + f + "\"").toList())).append('\n');
        for (Map<String, Object> row : job.rows.subList(from, to)) {
            for (int i = 0; i < job.fields.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = row.get(job.fields.get(i));
                if (v instanceof Instant instant) {
                    v = CSV_STAMP.format(instant.atOffset(ZoneOffset.UTC));
                }
                if (v != null) {
                    csv.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200).withBody(csv.toString())
                .withHeaders(headers("text/csv").plus(new com.github.tomakehurst.wiremock.http.HttpHeader(
                        "Sforce-Locator", to >= job.rows.size() ? "null" : String.valueOf(to)))
                        .plus(new com.github.tomakehurst.wiremock.http.HttpHeader("Sforce-NumberOfRecords",
                                String.valueOf(to - from)))).build();
    }

    private ObjectNode jobInfo(Job job) {
        ObjectNode info = JSON.createObjectNode().put("id", job.id).put("operation", job.spec.path("operation").asText())
                .put("object", job.spec.path("object").asText(null)).put("state", job.state)
                .put("apiVersion", 60.0).put("contentType", "CSV").put("lineEnding", "LF");
        if (job.kind.equals("query") && job.state.equals("JobComplete")) {
            info.put("numberRecordsProcessed", job.rows.size());
        }
        return info;
    }

    private ResponseDefinition json(int status, String body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status).withBody(body).withHeaders(headers("application/json"))
                .build();
    }

    private ResponseDefinition text(int status, String type, String body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status).withBody(body).withHeaders(headers(type)).build();
    }

    private com.github.tomakehurst.wiremock.http.HttpHeaders headers(String type) {
        return new com.github.tomakehurst.wiremock.http.HttpHeaders(
                new com.github.tomakehurst.wiremock.http.HttpHeader("Content-Type", type + ";charset=UTF-8"),
                new com.github.tomakehurst.wiremock.http.HttpHeader("Sforce-Limit-Info",
                        "api-usage=" + dailyUsed.get() + "/" + dailyMax.get()));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed JSON");
        }
    }
}
