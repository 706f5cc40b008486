package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Power BI REST operations the hub uses, with an Azure AD client-credentials token fetched once and reused
 * until shortly before it expires. A 429 waits for its Retry-After and tries again; a 5xx or a network error is
 * retried with exponential backoff up to {@code maxAttempts}; a 401 fetches a new token once. All waits go through
 * the injected clock.
 */
class PowerBiApi {
    private static final Logger LOG = LoggerFactory.getLogger(PowerBiApi.class);
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_THROTTLED = 20;
    private final PushProperties properties;
    private final PushClock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Token token;
    private volatile int tokensFetched;

    record Token(String value, Instant expiresAt) {
    }

    /** A dataset as GetDatasets lists it. */
    record Dataset(String id, String name) {
    }

    /** A refresh as GetRefreshHistory lists it; status Unknown means still running. */
    record Refresh(String requestId, String status, String error) {
    }

    PowerBiApi(PushProperties properties, PushClock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    List<Dataset> datasets(String groupId) throws InterruptedException {
        JsonNode body = call("GET", group(groupId) + "/datasets", null).body();
        var list = new ArrayList<Dataset>();
        body.path("value").forEach(d -> list.add(new Dataset(d.path("id").asText(), d.path("name").asText())));
        return list;
    }

    /** PostDataset: a push dataset with one table. */
    String postDataset(String groupId, String name, String table, List<PushColumn> columns)
            throws InterruptedException {
        var body = json.createObjectNode().put("name", name).put("defaultMode", "Push");
        var t = body.putArray("tables").addObject().put("name", table);
        var cols = t.putArray("columns");
        columns.forEach(c -> cols.addObject().put("name", c.name()).put("dataType", c.dataType()));
        return call("POST", group(groupId) + "/datasets?defaultRetentionPolicy=None", body.toString()).body()
                .path("id").asText();
    }

    List<String> tables(String groupId, String datasetId) throws InterruptedException {
        var names = new ArrayList<String>();
        call("GET", group(groupId) + "/datasets/" + datasetId + "/tables", null).body().path("value")
                .forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    void postRows(String groupId, String datasetId, String table, String rowsJson) throws InterruptedException {
        call("POST", group(groupId) + "/datasets/" + datasetId + "/tables/" + encode(table) + "/rows", rowsJson);
    }

    void deleteRows(String groupId, String datasetId, String table) throws InterruptedException {
        call("DELETE", group(groupId) + "/datasets/" + datasetId + "/tables/" + encode(table) + "/rows", null);
    }

    /** RefreshDatasetInGroup; the request id from the response header, when the service sends one. */
    Optional<String> postRefresh(String groupId, String datasetId) throws InterruptedException {
        Reply r = call("POST", group(groupId) + "/datasets/" + datasetId + "/refreshes",
                "{\"notifyOption\":\"NoNotification\"}");
        return r.requestId();
    }

    /** The latest refresh (GetRefreshHistoryInGroup with $top=1). */
    Optional<Refresh> latestRefresh(String groupId, String datasetId) throws InterruptedException {
        JsonNode value = call("GET", group(groupId) + "/datasets/" + datasetId + "/refreshes?$top=1", null).body()
                .path("value");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode r = value.get(0);
        return Optional.of(new Refresh(r.path("requestId").asText(null), r.path("status").asText("Unknown"),
                r.path("serviceExceptionJson").asText(null)));
    }

    int tokensFetched() {
        return tokensFetched;
    }

    record Reply(int status, JsonNode body, Optional<String> requestId) {
    }

    private Reply call(String method, String url, String body) throws InterruptedException {
        int failures = 0;
        int throttled = 0;
        boolean tokenRenewed = false;
        Duration backoff = properties.firstBackoff();
        while (true) {
            HttpResponse<String> response;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + token().value());
                if (body != null) {
                    b.header("Content-Type", "application/json");
                }
                b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (++failures >= properties.maxAttempts()) {
                    throw new PowerBiException(method + " " + path(url) + " failed after " + failures
                            + " attempts: " + e, e);
                }
                clock.sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            int status = response.statusCode();
            if (status == 429) {
                if (++throttled > MAX_THROTTLED) {
                    throw new PowerBiException(method + " " + path(url) + " still throttled after " + throttled
                            + " tries", null);
                }
                Duration wait = retryAfter(response).orElse(backoff);
                LOG.warn("Power BI throttled {} {}; waiting {} as Retry-After says", method, path(url), wait);
                clock.sleep(wait);
                continue;
            }
            if (status == 401 && !tokenRenewed) {
                token = null;
                tokenRenewed = true;
                continue;
            }
            if (status >= 500) {
                if (++failures >= properties.maxAttempts()) {
                    throw new PowerBiException(method + " " + path(url) + " answered " + status + " "
                            + failures + " times: " + clip(response.body()), null);
                }
                LOG.warn("Power BI answered {} to {} {}; retrying in {}", status, method, path(url), backoff);
                clock.sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            if (status >= 400) {
                throw new PowerBiException(method + " " + path(url) + " answered " + status + ": "
                        + clip(response.body()), null);
            }
            return new Reply(status, parse(response.body()), response.headers().firstValue("RequestId")
                    .or(() -> response.headers().firstValue("x-ms-request-id")));
        }
    }

    /** The cached token, or a new one from the client-credentials grant. */
    synchronized Token token() throws IOException, InterruptedException {
        Token current = token;
        if (current != null && clock.now().isBefore(current.expiresAt().minus(TOKEN_MARGIN))) {
            return current;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(nullToEmpty(properties.clientId()))
                + "&client_secret=" + encode(nullToEmpty(properties.clientSecret()))
                + "&scope=" + encode("https://analysis.windows.net/powerbi/api/.default");
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.authorityUrl() + "/"
                        + nullToEmpty(properties.azureTenant()) + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new PowerBiException("the Azure AD token request answered " + response.statusCode() + ": "
                    + clip(response.body()), null);
        }
        JsonNode body = parse(response.body());
        token = new Token(body.path("access_token").asText(),
                clock.now().plusSeconds(body.path("expires_in").asLong(3599)));
        tokensFetched++;
        return token;
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private String group(String groupId) {
        return properties.apiUrl() + "/groups/" + encode(groupId);
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
