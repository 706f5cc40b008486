package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Bayeux (CometD 1.0) long-polling client of the Salesforce Streaming API at {@code /cometd/<version>}:
 * handshake, subscribe with the replay extension ({@code {"ext":{"replay":{channel: replayId}}}}, -1 for new events
 * only), then connect in a loop; each connect is held open by the org until events arrive (up to 110 s).
 * The OAuth session is the tenant's REST session; an HTTP 401 forgets it so the next handshake signs in again.
 */
final class CometdClient {
    /** The org no longer knows this client (403::Unknown client, HTTP 401/403): handshake again. */
    static final class Rehandshake extends RuntimeException {
        Rehandshake(String why) {
            super(why);
        }
    }

    /** The org does not keep the replay id asked for (older than its retention, or never issued). */
    static final class InvalidReplay extends RuntimeException {
        InvalidReplay(String why) {
            super(why);
        }
    }

    /** An event delivered on a data channel. */
    record Event(String channel, long replayId, JsonNode payload) {
    }

    private static final Duration LONG_POLL = Duration.ofSeconds(120);
    private final SalesforceClient salesforce;
    private final String version;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String clientId;
    private int messageId;

    CometdClient(SalesforceClient salesforce, String apiVersion, ObjectMapper json) {
        this.salesforce = salesforce;
        this.version = apiVersion.replaceFirst("^v", "");
        this.json = json;
    }

    void handshake() {
        ObjectNode m = message("/meta/handshake").put("version", "1.0").put("minimumVersion", "1.0");
        m.putArray("supportedConnectionTypes").add("long-polling");
        JsonNode reply = meta(send(m, Duration.ofSeconds(30)), "/meta/handshake");
        if (!reply.path("successful").asBoolean()) {
            throw new Rehandshake("handshake refused: " + reply.path("error").asText());
        }
        clientId = reply.path("clientId").asText();
    }

    void subscribe(String channel, long replayId) {
        ObjectNode m = message("/meta/subscribe").put("clientId", clientId).put("subscription", channel);
        m.putObject("ext").putObject("replay").put(channel, replayId);
        JsonNode reply = meta(send(m, Duration.ofSeconds(30)), "/meta/subscribe");
        if (!reply.path("successful").asBoolean()) {
            String error = reply.path("error").asText();
            if (error.startsWith("400::") && error.toLowerCase(java.util.Locale.ROOT).contains("replay")) {
                throw new InvalidReplay(error);
            }
            throw unknownClient(error) ? new Rehandshake(error) : new IllegalStateException("subscribe " + channel
                    + " refused: " + error);
        }
    }

    /** One long poll: the events delivered, in order. */
    List<Event> connect() {
        ObjectNode m = message("/meta/connect").put("clientId", clientId).put("connectionType", "long-polling");
        JsonNode replies = send(m, LONG_POLL);
        List<Event> events = new ArrayList<>();
        for (JsonNode r : replies) {
            String channel = r.path("channel").asText();
            if (channel.equals("/meta/connect")) {
                if (!r.path("successful").asBoolean(true)) {
                    String error = r.path("error").asText();
                    if (unknownClient(error) || "handshake".equals(r.path("advice").path("reconnect").asText())) {
                        throw new Rehandshake(error);
                    }
                    throw new IllegalStateException("connect refused: " + error);
                }
            } else if (!channel.startsWith("/meta/")) {
                events.add(new Event(channel, r.path("data").path("event").path("replayId").asLong(),
                        r.path("data").path("payload")));
            }
        }
        return events;
    }

    private static boolean unknownClient(String error) {
        return error.startsWith("401::") || error.startsWith("403::");
    }

    private ObjectNode message(String channel) {
        return json.createObjectNode().put("channel", channel).put("id", String.valueOf(++messageId));
    }

    private static JsonNode meta(JsonNode replies, String channel) {
        for (JsonNode r : replies) {
            if (channel.equals(r.path("channel").asText())) {
                return r;
            }
        }
        throw new IllegalStateException("no " + channel + " reply");
    }

    private JsonNode send(ObjectNode message, Duration timeout) {
        SalesforceClient.Session session = salesforce.session();
        ArrayNode body = json.createArrayNode().add(message);
        HttpRequest request = HttpRequest.newBuilder(URI.create(session.instanceUrl() + "/cometd/" + version))
                .timeout(timeout).header("Authorization", "Bearer " + session.accessToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SalesforceApiException(0, "UNREACHABLE", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(0, "INTERRUPTED", e.toString());
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            salesforce.invalidate();
            throw new Rehandshake("HTTP " + response.statusCode() + " from /cometd");
        }
        if (response.statusCode() >= 400) {
            throw new SalesforceApiException(response.statusCode(), "HTTP_" + response.statusCode(), response.body());
        }
        try {
            JsonNode replies = json.readTree(response.body());
            return replies.isArray() ? replies : json.createArrayNode().add(replies);
        } catch (IOException e) {
            throw new SalesforceApiException(0, "MALFORMED_RESPONSE", response.body());
        }
    }
}
