package io.nl2q.hub.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;

/** Reads the JSON request bodies of the reports' APIs, refusing malformed ones with 400 BAD_REQUEST. */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** The body as a JSON object. */
    public static JsonNode object(ObjectMapper json, String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, "the request body must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, "the request body is not valid JSON");
        }
    }

    /** The string {@code field} of {@code root}, null when it is missing or null. */
    public static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(field, "must be a string");
        }
        return v.asText();
    }

    /** A 400 for the request field {@code field}. */
    public static HubException bad(String field, String message) {
        return new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, "the field \"" + field + "\" " + message);
    }
}
