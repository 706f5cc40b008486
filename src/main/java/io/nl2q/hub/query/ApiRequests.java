package io.nl2q.hub.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.Question;
import org.springframework.stereotype.Component;

/** Reads request bodies of the question API, refusing malformed ones with 400 BAD_REQUEST and a precise message. */
@Component("apiRequests")
public class ApiRequests {
    private final ObjectMapper json;
    private final QueryProperties limits;

    ApiRequests(ObjectMapper json, QueryProperties limits) {
        this.json = json;
        this.limits = limits;
    }

    /** {@code {"question": "..."}}. */
    public Question question(String body) {
        String text = requiredText(body, "question");
        if (text.length() > limits.maxQuestionLength()) {
            throw bad("the question is " + text.length() + " characters long; the limit is "
                    + limits.maxQuestionLength());
        }
        return new Question(text);
    }

    /** {@code {"sql": "..."}}; the statement itself is checked by the guard. */
    public String sql(String body) {
        return requiredText(body, "sql");
    }

    private String requiredText(String body, String field) {
        if (body == null || body.isBlank()) {
            throw bad("the request body is empty; send {\"" + field + "\": \"...\"}");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad("the request body must be a JSON object");
        }
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw bad("the field \"" + field + "\" is missing");
        }
        if (!value.isTextual()) {
            throw bad("the field \"" + field + "\" must be a string");
        }
        if (value.asText().isBlank()) {
            throw bad("the field \"" + field + "\" is empty");
        }
        return value.asText().strip();
    }

    private static HubException bad(String message) {
        return new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, message);
    }
}
