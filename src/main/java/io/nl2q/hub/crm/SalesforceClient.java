package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST transport to one tenant's org: OAuth (username-password or JWT bearer), the session refreshed once on
 * INVALID_SESSION_ID, every call counted by the limits governor, errors turned into {@link SalesforceApiException}
 * with the documented error code.
 */
final class SalesforceClient {
    private static final Pattern ID_URL = Pattern.compile("/id/([a-zA-Z0-9]{18})/([a-zA-Z0-9]{18})$");
    private final String tenant;
    private final CrmProperties.Org org;
    private final LimitsGovernor governor;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int queryBatchSize;
    private volatile Session session;

    SalesforceClient(String tenant, CrmProperties.Org org, int queryBatchSize, LimitsGovernor governor,
                     ObjectMapper json) {
        this.queryBatchSize = queryBatchSize;
        this.tenant = tenant;
        this.org = org;
        this.governor = governor;
        this.json = json;
    }

    /** The signed-in session: where the org lives and who we are in it (18-character org and user ids). */
    record Session(String accessToken, String instanceUrl, String orgId, String userId) {
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    String tenant() {
        return tenant;
    }

    /** A path under /services/data/vXX.X. */
    String data(String path) {
        return "/services/data/" + org.apiVersion() + path;
    }

    com.fasterxml.jackson.databind.node.ObjectNode sendJsonBody() {
        return json.createObjectNode();
    }

    JsonNode getJson(String pathOrUrl) {
        return getJson(pathOrUrl, LimitsGovernor.Kind.WORK);
    }

    JsonNode getJson(String pathOrUrl, LimitsGovernor.Kind kind) {
        return read(call("GET", pathOrUrl, null, null, kind).body());
    }

    JsonNode sendJson(String method, String path, Object body) {
        return sendJson(method, path, body, LimitsGovernor.Kind.WORK);
    }

    JsonNode sendJson(String method, String path, Object body, LimitsGovernor.Kind kind) {
        try {
            Reply r = call(method, path, "application/json", json.writeValueAsString(body), kind);
            return r.body() == null || r.body().isBlank() ? json.nullNode() : read(r.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Reply call(String method, String pathOrUrl, String contentType, String body) {
        return call(method, pathOrUrl, contentType, body, LimitsGovernor.Kind.WORK);
    }

    /** One API call; signs in first if needed and once more when the session expired. */
    Reply call(String method, String pathOrUrl, String contentType, String body, LimitsGovernor.Kind kind) {
        Session s = session();
        Reply r = once(s, method, pathOrUrl, contentType, body, kind);
        if (r.status() == 401 && "INVALID_SESSION_ID".equals(errorCode(r))) {
            session = null;
            r = once(session(), method, pathOrUrl, contentType, body, kind);
        }
        if (r.status() >= 400) {
            String code = errorCode(r);
            if ("REQUEST_LIMIT_EXCEEDED".equals(code)) {
                governor.exhausted(tenant);
            }
            throw new SalesforceApiException(r.status(), code, message(r));
        }
        return r;
    }

    /** Forgets the session (the Streaming API refused it): the next call signs in again. */
    void invalidate() {
        session = null;
    }

    Session session() {
        Session s = session;
        if (s == null) {
            synchronized (this) {
                if (session == null) {
                    session = login();
                }
                s = session;
            }
        }
        return s;
    }

    private Reply once(Session s, String method, String pathOrUrl, String contentType, String body,
                       LimitsGovernor.Kind kind) {
        governor.beforeCall(tenant, kind);
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : s.instanceUrl() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + s.accessToken()).header("Accept", "application/json")
                .header("Sforce-Query-Options", "batchSize=" + queryBatchSize);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        Reply r = send(b.method(method, publisher).build());
        governor.afterCall(tenant, r.header("Sforce-Limit-Info"));
        return r;
    }

    private Session login() {
        String form = switch (org.flow()) {
            case "password" -> "grant_type=password&client_id=" + enc(org.clientId()) + "&client_secret="
                    + enc(org.clientSecret()) + "&username=" + enc(org.username()) + "&password=" + enc(org.password());
            case "jwt" -> "grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion="
                    + enc(jwtAssertion());
            default -> throw new IllegalStateException("hub.crm.orgs." + tenant + ".flow must be password or jwt");
        };
        Reply r = send(HttpRequest.newBuilder(URI.create(org.loginUrl() + "/services/oauth2/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode token = read(r.body());
        if (r.status() != 200) {
            throw new SalesforceApiException(r.status(), token.path("error").asText("LOGIN_FAILED"),
                    token.path("error_description").asText(""));
        }
        Matcher id = ID_URL.matcher(token.path("id").asText(""));
        if (!id.find()) {
            throw new SalesforceApiException(r.status(), "INVALID_ID_URL",
                    "the token response has no identity URL with 18-character org and user ids");
        }
        return new Session(token.path("access_token").asText(), token.path("instance_url").asText(), id.group(1),
                id.group(2));
    }

    /** RFC 7523 assertion: iss = connected app's consumer key, sub = user, aud = login URL, 3 minutes valid. */
    private String jwtAssertion() {
        var enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = enc.encodeToString(json.createObjectNode().put("iss", org.clientId())
                .put("sub", org.username()).put("aud", org.loginUrl())
                .put("exp", Instant.now().plusSeconds(180).getEpochSecond()).toString()
                .getBytes(StandardCharsets.UTF_8));
        try {
            String pem = org.privateKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + enc.encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot sign the JWT bearer assertion of tenant " + tenant, e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new SalesforceApiException(0, "UNREACHABLE", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(0, "INTERRUPTED", e.toString());
        }
    }

    /** Salesforce errors are a JSON array of {message, errorCode}. */
    private String errorCode(Reply r) {
        JsonNode n = tryRead(r.body());
        JsonNode first = n.isArray() && !n.isEmpty() ? n.get(0) : n;
        return first.path("errorCode").asText(first.path("error").asText("HTTP_" + r.status()));
    }

    private String message(Reply r) {
        JsonNode n = tryRead(r.body());
        JsonNode first = n.isArray() && !n.isEmpty() ? n.get(0) : n;
        return first.path("message").asText(r.body() == null ? "" : r.body());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new SalesforceApiException(0, "MALFORMED_RESPONSE", String.valueOf(body));
        }
    }

    private JsonNode tryRead(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
