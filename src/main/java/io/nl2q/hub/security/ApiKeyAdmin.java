package io.nl2q.hub.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The API-key admin operations behind {@code /api/v1/admin/api-keys}. Every operation is bound to the caller's own
 * tenant: an admin never sees, nor revokes, another tenant's key. A key may carry only roles its issuer has, so an
 * admin cannot mint an operator key without being an operator.
 */
@Component("apiKeyAdmin")
public class ApiKeyAdmin {
    static final int MAX_LABEL = 200;
    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ApiKeyStore store;
    private final ObjectMapper json;
    private final SecurityEvents events;
    private final Clock clock;

    @Autowired
    ApiKeyAdmin(ApiKeyStore store, ObjectMapper json, SecurityEvents events) {
        this(store, json, events, Clock.systemUTC());
    }

    ApiKeyAdmin(ApiKeyStore store, ObjectMapper json, SecurityEvents events, Clock clock) {
        this.store = store;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * {@code {"label": "...", "roles": ["viewer"], "expiresInDays": 90}} or {@code "expiresAt": "2027-01-01T00:00:00Z"};
     * a key expires after at most a year.
     */
    public IssuedApiKey create(Caller caller, String body) {
        JsonNode request = parse(body);
        String label = request.path("label").asText("").strip();
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw bad("\"label\" is required, at most " + MAX_LABEL + " characters");
        }
        Set<Role> roles = roles(request.path("roles"));
        Set<Role> allowed = Role.expand(caller.roles());
        if (!allowed.containsAll(roles)) {
            throw new HubException(ErrorCode.FORBIDDEN, Phase.AUTHENTICATE,
                    "a key may only carry roles you have yourself: " + allowed);
        }
        Instant expiresAt = expiry(request);
        String key = newKey();
        ApiKeyInfo info = store.insert(caller.tenant().id(), key, label, roles, expiresAt);
        events.record(caller, "KEY_CREATED", "key " + info.keyId() + " (" + info.prefix() + ") roles " + info.roles());
        return new IssuedApiKey(key, info);
    }

    public List<ApiKeyInfo> list(Caller caller) {
        return store.list(caller.tenant().id());
    }

    /** @throws HubException NOT_FOUND when the caller's tenant has no such active key */
    public void revoke(Caller caller, String keyId) {
        if (keyId == null || !store.revoke(caller.tenant().id(), keyId)) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST, "no active API key " + keyId + " in your tenant");
        }
        events.record(caller, "KEY_REVOKED", "key " + keyId);
    }

    /** 32 random bytes: guessing is hopeless, so an unsalted SHA-256 is a sound way to store it. */
    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "nk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Instant expiry(JsonNode request) {
        Instant now = clock.instant();
        Instant expiresAt;
        if (request.hasNonNull("expiresAt")) {
            try {
                expiresAt = Instant.parse(request.get("expiresAt").asText());
            } catch (DateTimeParseException e) {
                throw bad("\"expiresAt\" must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            }
        } else if (request.hasNonNull("expiresInDays")) {
            if (!request.get("expiresInDays").canConvertToInt() || request.get("expiresInDays").asInt() < 1) {
                throw bad("\"expiresInDays\" must be a positive whole number");
            }
            expiresAt = now.plus(Duration.ofDays(request.get("expiresInDays").asInt()));
        } else {
            expiresAt = now.plus(Duration.ofDays(90));
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw bad("a key must expire in the future and within " + MAX_LIFETIME.toDays() + " days");
        }
        return expiresAt;
    }

    private static Set<Role> roles(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw bad("\"roles\" must be a non-empty array, e.g. [\"viewer\"]");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode r : node) {
            try {
                roles.add(Role.parse(r.asText()));
            } catch (IllegalArgumentException e) {
                throw bad("unknown role \"" + r.asText() + "\"; roles are viewer, analyst, admin, operator, integration");
            }
        }
        return roles;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw bad("the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw bad("the request body is not valid JSON");
        }
    }

    private static HubException bad(String message) {
        return new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, message);
    }
}
