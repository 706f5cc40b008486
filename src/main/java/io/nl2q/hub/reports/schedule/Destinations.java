package io.nl2q.hub.reports.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.reports.JsonBodies;
import io.nl2q.hub.powerbi.PushService;
import io.nl2q.hub.powerbi.RefreshService;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a schedule's {@code destination} and keeps only the fields its type knows, so a delivery route never
 * reads a value nobody checked. Each problem is a 400 naming the field.
 */
@Component
class Destinations {
    static final List<String> TYPES = List.of("email", "sftp", "powerbi", "kafka", "webhook");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final int MAX_RECIPIENTS = 50;
    private final PushService push;
    private final RefreshService refresh;

    Destinations(PushService push, RefreshService refresh) {
        this.push = push;
        this.refresh = refresh;
    }

    Map<String, Object> check(JsonNode destination, String tenant) {
        if (destination == null || !destination.isObject()) {
            throw JsonBodies.bad("destination", "must be an object with a \"type\" (one of " + TYPES + ")");
        }
        String type = destination.path("type").asText("");
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("type", type);
        switch (type) {
            case "email" -> {
                kept.put("to", recipients(destination.get("to")));
                optional(destination, "subject", 200).ifPresent(s -> kept.put("subject", s));
            }
            case "sftp" -> {
                String folder = optional(destination, "directory", 200).orElse("inbox");
                if (!FOLDER.matcher(folder).matches()) {
                    throw JsonBodies.bad("destination.directory", "must be a relative folder of letters, digits, '_' and '-'");
                }
                kept.put("directory", folder);
            }
            case "powerbi" -> {
                // a push binding and/or a dataset to refresh (a refresh alone: the configured refreshes)
                String binding = optional(destination, "binding", 200).orElse(null);
                if (binding == null && destination.hasNonNull("dataset")) {
                    // refresh only
                } else if (binding == null || !tenant.equals(push.tenantOf(binding))) {
                    throw JsonBodies.bad("destination.binding", "must name a Power BI push binding of your tenant");
                } else {
                    kept.put("binding", binding);
                }
                optional(destination, "dataset", 200).ifPresent(d -> {
                    if (!tenant.equals(refresh.tenantOf(d))) {
                        throw JsonBodies.bad("destination.dataset", "must name a Power BI dataset of your tenant");
                    }
                    kept.put("dataset", d);
                });
            }
            case "kafka" -> {
                String topic = optional(destination, "topic", 200).orElse(null);
                if (topic == null || !TOPIC.matcher(topic).matches()) {
                    throw JsonBodies.bad("destination.topic", "must be a Kafka topic name (letters, digits, '.', '_', '-')");
                }
                kept.put("topic", topic);
            }
            case "webhook" -> kept.put("url", webhook(destination.get("url")));
            default -> throw JsonBodies.bad("destination.type", "must be one of " + TYPES);
        }
        return kept;
    }

    private static List<String> recipients(JsonNode to) {
        if (to == null || !to.isArray() || to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw JsonBodies.bad("destination.to", "must be a list of 1 to " + MAX_RECIPIENTS + " e-mail addresses");
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : to) {
            try {
                var address = new InternetAddress(a.asText(""), true);
                if (!a.isTextual() || address.getAddress().indexOf('@') < 1) {
                    throw new AddressException("no domain");
                }
                addresses.add(address.getAddress());
            } catch (AddressException e) {
                throw JsonBodies.bad("destination.to", "holds an invalid e-mail address: " + a);
            }
        }
        return List.copyOf(addresses);
    }

    private static String webhook(JsonNode url) {
        try {
            URI uri = URI.create(url == null ? "" : url.asText(""));
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getUserInfo() != null || uri.toString().length() > 2000) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw JsonBodies.bad("destination.url", "must be an http(s) URL");
        }
    }

    private static java.util.Optional<String> optional(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            throw JsonBodies.bad("destination." + field, "must be text of at most " + max + " characters");
        }
        return java.util.Optional.of(v.asText());
    }
}
