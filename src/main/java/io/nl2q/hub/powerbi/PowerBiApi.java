package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Power BI REST operations the hub uses, with an Azure AD client-credentials token reused until it nears its
 * end (renewed when less than a fifth of its lifetime, or a minute, remains: a short-lived token is not fetched anew
 * for every call). A 401, or a 403 whose error says TokenExpired, fetches a new token once and tries again. A 429
 * waits for its Retry-After when that is short; a longer one ends the call with {@link RetryLater}. A 5xx or a lost
 * answer is retried with exponential backoff for reads and deletes; for a POST that adds rows or starts a refresh it
 * may have been applied, so it ends the call with {@link AmbiguousWrite} and the caller finds out. All waits go
 * through the injected clock.
 */
class PowerBiApi {
    private static final Logger LOG = LoggerFactory.getLogger(PowerBiApi.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);
    private static final int MAX_THROTTLED = 20;
    private final PushProperties properties;
    private final PushClock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Token token;
    private volatile int tokensFetched;

    /** @param renewAt when a new token is fetched: a fifth of the lifetime, at most a minute, before it ends */
    record Token(String value, Instant expiresAt, Instant renewAt) {
    }

    /** A dataset as GetDatasets lists it. */
    record Dataset(String id, String name) {
    }

    /** A refresh as GetRefreshHistory lists it; status Unknown means still running. */
    record Refresh(String requestId, String status, String error, String refreshType, Instant startTime) {
    }

    /** Power BI said when to come back, later than the hub waits in a call. */
    static final class RetryLater extends PowerBiException {
        private final Instant at;

        RetryLater(String message, Instant at) {
            super(message, null);
            this.at = at;
        }

        Instant at() {
            return at;
        }
    }

    /** A write answered 5xx or not at all: Power BI may or may not have applied it. */
    static final class AmbiguousWrite extends PowerBiException {
        AmbiguousWrite(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private enum Retry { SAFE, WRITE }

    PowerBiApi(PushProperties properties, PushClock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    List<Dataset> datasets(String groupId) throws InterruptedException {
        JsonNode body = call("GET", group(groupId) + "/datasets", null, Retry.SAFE).body();
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
        return call("POST", group(groupId) + "/datasets?defaultRetentionPolicy=None", body.toString(), Retry.SAFE)
                .body().path("id").asText();
    }

    List<String> tables(String groupId, String datasetId) throws InterruptedException {
        var names = new ArrayList<String>();
        call("GET", group(groupId) + "/datasets/" + datasetId + "/tables", null, Retry.SAFE).body().path("value")
                .forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    void postRows(String groupId, String datasetId, String table, String rowsJson) throws InterruptedException {
        call("POST", group(groupId) + "/datasets/" + datasetId + "/tables/" + encode(table) + "/rows", rowsJson,
                Retry.WRITE);
    }

    void deleteRows(String groupId, String datasetId, String table) throws InterruptedException {
        call("DELETE", group(groupId) + "/datasets/" + datasetId + "/tables/" + encode(table) + "/rows", null,
                Retry.SAFE);
    }

    /**
     * The table's row count (ExecuteQueries, DAX COUNTROWS); empty when the service will not say (the tenant setting
     * that allows dataset queries is off, or the query is refused).
     */
    Optional<Long> rowCount(String groupId, String datasetId, String table) throws InterruptedException {
        var body = json.createObjectNode();
        body.putArray("queries").addObject().put("query", "EVALUATE ROW(\"rows\", COUNTROWS('"
                + table.replace("'", "''") + "'))");
        body.putObject("serializerSettings").put("includeNulls", true);
        try {
            JsonNode rows = call("POST", group(groupId) + "/datasets/" + datasetId + "/executeQueries",
                    body.toString(), Retry.SAFE).body().path("results").path(0).path("tables").path(0).path("rows");
            JsonNode n = rows.path(0).path("[rows]");
            return n.isNumber() ? Optional.of(n.asLong()) : Optional.empty();
        } catch (RetryLater e) {
            throw e;
        } catch (PowerBiException e) {
            LOG.warn("Power BI will not count the rows of {}: {}", table, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * RefreshDatasetInGroup; the refresh's request id, from the Location the answer names (its last segment) or its
     * RequestId header: the refresh history lists it under that id.
     */
    Optional<String> postRefresh(String groupId, String datasetId) throws InterruptedException {
        Reply r = call("POST", group(groupId) + "/datasets/" + datasetId + "/refreshes",
                "{\"notifyOption\":\"NoNotification\"}", Retry.WRITE);
        return r.location().map(l -> l.replaceAll("[?#].*$", "").replaceAll("/+$", ""))
                .map(l -> l.substring(l.lastIndexOf('/') + 1)).filter(s -> !s.isBlank()).or(r::requestId);
    }

    /** The latest refreshes, newest first (GetRefreshHistoryInGroup). */
    List<Refresh> refreshes(String groupId, String datasetId, int top) throws InterruptedException {
        var list = new ArrayList<Refresh>();
        call("GET", group(groupId) + "/datasets/" + datasetId + "/refreshes?$top=" + top, null, Retry.SAFE).body()
                .path("value").forEach(r -> list.add(new Refresh(r.path("requestId").asText(null),
                        r.path("status").asText("Unknown"), r.path("serviceExceptionJson").asText(null),
                        r.path("refreshType").asText(null), instant(r.path("startTime").asText(null)))));
        return list;
    }

    int tokensFetched() {
        return tokensFetched;
    }

    record Reply(int status, JsonNode body, Optional<String> requestId, Optional<String> location) {
    }

    private Reply call(String method, String url, String body, Retry retry) throws InterruptedException {
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
                // a refused connection never reached the service; anything later may have
                if (retry == Retry.WRITE && !(e instanceof ConnectException)) {
                    throw new AmbiguousWrite(method + " " + path(url) + " got no answer: " + e, e);
                }
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
                if (wait.compareTo(properties.maxInlineWait()) > 0) {
                    throw new RetryLater(method + " " + path(url) + " throttled: Retry-After " + wait,
                            clock.now().plus(wait));
                }
                LOG.warn("Power BI throttled {} {}; waiting {} as Retry-After says", method, path(url), wait);
                clock.sleep(wait);
                continue;
            }
            if ((status == 401 || status == 403 && tokenExpired(response)) && !tokenRenewed) {
                LOG.info("Power BI answered {} to {} {} (token expired); fetching a new token", status, method,
                        path(url));
                token = null;
                tokenRenewed = true;
                continue;
            }
            if (status >= 500) {
                if (retry == Retry.WRITE) {
                    throw new AmbiguousWrite(method + " " + path(url) + " answered " + status + ": "
                            + clip(response.body()), null);
                }
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
            return new Reply(status, parse(response.body()), response.headers().firstValue("RequestId"),
                    response.headers().firstValue("Location"));
        }
    }

    /** Power BI answers an expired token with 403 and TokenExpired in the error body or the error-info header. */
    private boolean tokenExpired(HttpResponse<String> response) {
        if ("TokenExpired".equals(parse(response.body()).path("error").path("code").asText())) {
            return true;
        }
        return response.headers().map().entrySet().stream()
                .filter(h -> h.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("x-ms-")
                        || h.getKey().equalsIgnoreCase("x-powerbi-error-info"))
                .anyMatch(h -> h.getValue().stream().anyMatch(v -> v.contains("TokenExpired")));
    }

    /** The cached token, or a new one from the client-credentials grant. */
    synchronized Token token() throws IOException, InterruptedException {
        Token current = token;
        if (current != null && clock.now().isBefore(current.renewAt())) {
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
        Duration lifetime = Duration.ofSeconds(Math.max(1, body.path("expires_in").asLong(3599)));
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_MARGIN;
        Instant now = clock.now();
        token = new Token(body.path("access_token").asText(), now.plus(lifetime), now.plus(lifetime).minus(margin));
        tokensFetched++;
        return token;
    }

    /** Retry-After in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(clock.now(), at);
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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
