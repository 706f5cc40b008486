package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where the next page of a paged read starts: the rows already delivered and, for a keyset read, the key of the
 * last one. Opaque to clients ({@code $skiptoken}); a token that does not decode is a 400. The key values it carries
 * go into SQL only as literals re-rendered from their column's type.
 */
record PageToken(long delivered, List<String> lastKey) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final PageToken FIRST = new PageToken(0, List.of());

    PageToken {
        if (delivered < 0) {
            throw new IllegalArgumentException("delivered < 0");
        }
        lastKey = List.copyOf(lastKey);
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("d", delivered);
        ArrayNode key = node.putArray("k");
        lastKey.forEach(key::add);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Optional<PageToken> decode(String token) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (node == null || !node.path("d").canConvertToLong() || !node.path("k").isArray()) {
                return Optional.empty();
            }
            var key = new ArrayList<String>();
            for (JsonNode v : node.path("k")) {
                if (!v.isTextual()) {
                    return Optional.empty();
                }
                key.add(v.asText());
            }
            return Optional.of(new PageToken(node.path("d").asLong(), key));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
