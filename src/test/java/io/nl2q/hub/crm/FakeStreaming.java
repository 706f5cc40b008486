package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The Streaming API of the fake org as documented for Change Data Capture over CometD (Bayeux 1.0, long polling at
 * /cometd/<version>): handshake issues a clientId; subscribe takes {@code ext.replay {channel: replayId}} (-1 new
 * events only, -2 all retained, else events after that id; an id outside the retained window is refused with
 * {@code 400::The replayId {n} you provided was invalid}); connect delivers the events after the client's position,
 * holding the poll briefly when there are none; a client the org forgot gets {@code 403::Unknown client} with advice
 * to handshake. Replay ids count per channel from 1.
 */
final class FakeStreaming {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HOLD_MILLIS = 300;
    private final BiFunction<Integer, String, ResponseDefinition> reply;
    private final Map<String, List<ObjectNode>> events = new ConcurrentHashMap<>();
    /** clientId -> channel -> replay id of the last event delivered */
    private final Map<String, Map<String, Long>> clients = new ConcurrentHashMap<>();
    private volatile long retainedFrom = 1;
    final AtomicInteger handshakes = new AtomicInteger();
    /** "channel@replayId" of every subscribe request, in order */
    final List<String> subscriptions = Collections.synchronizedList(new ArrayList<>());
    /** per clientId, the events delivered to it, in order, as "channel@replayId" */
    final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
    volatile String lastClientId;

    FakeStreaming(BiFunction<Integer, String, ResponseDefinition> reply) {
        this.reply = reply;
    }

    void reset() {
        events.clear();
        clients.clear();
        retainedFrom = 1;
        handshakes.set(0);
        subscriptions.clear();
        delivered.clear();
    }

    /** Publishes a change event; returns its replay id. */
    synchronized long publish(String channel, String entity, String changeType, List<String> recordIds,
                              List<String> changedFields) {
        List<ObjectNode> log = events.computeIfAbsent(channel, c -> Collections.synchronizedList(new ArrayList<>()));
        long replayId = log.size() + 1;
        ObjectNode message = JSON.createObjectNode().put("channel", channel);
        ObjectNode data = message.putObject("data");
        data.put("schema", "IeRuaY6cbI_HsV8Rv1Mc5g");
        ObjectNode header = data.putObject("payload").putObject("ChangeEventHeader");
        header.put("entityName", entity).put("changeType", changeType).put("commitTimestamp",
                System.currentTimeMillis()).put("transactionKey", UUID.randomUUID().toString())
                .put("changeOrigin", "com/salesforce/api/soap/60.0;client=fake").put("sequenceNumber", 1)
                .put("commitUser", FakeSalesforce.USER_ID);
        ArrayNode ids = header.putArray("recordIds");
        recordIds.forEach(ids::add);
        ArrayNode fields = header.putArray("changedFields");
        changedFields.forEach(fields::add);
        data.putObject("event").put("replayId", replayId);
        log.add(message);
        notifyAll();
        return replayId;
    }

    /** The org keeps only events from {@code replayId} on (older ones are past retention). */
    void retainFrom(long replayId) {
        retainedFrom = replayId;
    }

    /** The org forgets every client (a server-side session timeout): the next connect answers 403::Unknown client. */
    void forgetClients() {
        clients.clear();
    }

    ResponseDefinition handle(JsonNode messages) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode m : messages.isArray() ? messages : JSON.createArrayNode().add(messages)) {
            String channel = m.path("channel").asText();
            ObjectNode r = JSON.createObjectNode().put("channel", channel).put("id", m.path("id").asText());
            switch (channel) {
                case "/meta/handshake" -> {
                    String clientId = UUID.randomUUID().toString().replace("-", "");
                    clients.put(clientId, new ConcurrentHashMap<>());
                    delivered.put(clientId, Collections.synchronizedList(new ArrayList<>()));
                    lastClientId = clientId;
                    handshakes.incrementAndGet();
                    r.put("successful", true).put("clientId", clientId).put("version", "1.0")
                            .putArray("supportedConnectionTypes").add("long-polling");
                    r.putObject("advice").put("reconnect", "retry").put("interval", 0).put("timeout", 110000);
                    out.add(r);
                }
                case "/meta/subscribe" -> out.add(subscribe(m, r));
                case "/meta/connect" -> out.addAll(connect(m, r));
                default -> out.add(r.put("successful", false).put("error", "400::unknown channel"));
            }
        }
        return reply.apply(200, out.toString());
    }

    private ObjectNode subscribe(JsonNode m, ObjectNode r) {
        String channel = m.path("subscription").asText();
        r.put("subscription", channel);
        Map<String, Long> subscribed = clients.get(m.path("clientId").asText());
        if (subscribed == null) {
            return unknownClient(r);
        }
        long asked = m.path("ext").path("replay").path(channel).asLong(-1);
        subscriptions.add(channel + "@" + asked);
        long last = events.getOrDefault(channel, List.of()).size();
        long position;
        if (asked == -1) {
            position = last;
        } else if (asked == -2) {
            position = retainedFrom - 1;
        } else if (asked < retainedFrom - 1 || asked > last) {
            return r.put("successful", false).put("error", "400::The replayId {" + asked + "} you provided was invalid."
                    + "  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
        } else {
            position = asked;
        }
        subscribed.put(channel, position);
        return r.put("successful", true);
    }

    /** Events delivered to the client of the latest handshake. */
    List<String> deliveredToLatestClient() {
        return List.copyOf(delivered.getOrDefault(lastClientId, List.of()));
    }

    private List<ObjectNode> connect(JsonNode m, ObjectNode r) {
        String clientId = m.path("clientId").asText();
        Map<String, Long> subscribed = clients.get(clientId);
        if (subscribed == null) {
            return List.of(unknownClient(r));
        }
        List<ObjectNode> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + HOLD_MILLIS;
        synchronized (this) {
            while (true) {
                for (Map.Entry<String, Long> s : subscribed.entrySet()) {
                    List<ObjectNode> log = events.getOrDefault(s.getKey(), List.of());
                    for (long id = s.getValue() + 1; id <= log.size(); id++) {
                        out.add(log.get((int) id - 1));
                        delivered.get(clientId).add(s.getKey() + "@" + id);
                    }
                    s.setValue((long) log.size());
                }
                long wait = deadline - System.currentTimeMillis();
                if (!out.isEmpty() || wait <= 0) {
                    break;
                }
                try {
                    wait(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        r.put("successful", true).putObject("advice").put("reconnect", "retry").put("interval", 0)
                .put("timeout", 110000);
        out.add(r);
        return out;
    }

    private static ObjectNode unknownClient(ObjectNode r) {
        r.put("successful", false).put("error", "403::Unknown client");
        r.putObject("advice").put("reconnect", "handshake").put("interval", 0);
        return r;
    }
}
