package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the next page of a paged read starts: the rows already delivered and, for a keyset read, the key of the
 * last one. Opaque to clients ({@code $skiptoken}) and bound to the read it continues (a digest of the entity set,
 * filter, order and selection), so a token edited, out of range or used on another read does not decode and is a
 * 400. It is not a secret: what it can select, the caller may read with {@code $skip} and {@code $filter} anyway.
 * The key values it carries go into SQL only as literals re-rendered from their column's type.
 */
record PageToken(long delivered, List<String> lastKey) {
    /** More rows than any feed delivers through one chain of next links; keeps every offset far from overflow. */
    static final long MAX_DELIVERED = 1L << 40;
    static final int MAX_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final PageToken FIRST = new PageToken(0, List.of());

    PageToken {
        if (delivered < 0 || delivered > MAX_DELIVERED) {
            throw new IllegalArgumentException("delivered out of range");
        }
        lastKey = List.copyOf(lastKey);
    }

    /** @param read what identifies the read the token continues (see {@link #decode}) */
    String encode(String read) {
        ObjectNode node = JSON.createObjectNode().put("d", delivered);
        ArrayNode key = node.putArray("k");
        lastKey.forEach(key::add);
        node.put("r", digest(read));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Optional<PageToken> decode(String token, String read) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (node == null || !node.isObject() || node.size() != 3 || !node.path("d").isIntegralNumber()
                    || !node.path("d").canConvertToLong() || !node.path("k").isArray()
                    || !digest(read).equals(node.path("r").asText(null))) {
                return Optional.empty();
            }
            long delivered = node.path("d").asLong();
            if (delivered < 0 || delivered > MAX_DELIVERED) {
                return Optional.empty();
            }
            var key = new ArrayList<String>();
            for (JsonNode v : node.path("k")) {
                if (!v.isTextual()) {
                    return Optional.empty();
                }
                key.add(v.asText());
            }
            return Optional.of(new PageToken(delivered, key));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String digest(String read) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(read.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
