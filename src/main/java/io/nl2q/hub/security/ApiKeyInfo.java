package io.nl2q.hub.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/** What an admin may see of a key: everything but the key itself and its hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyInfo(String keyId, String tenant, String prefix, String label, String roles, String createdAt,
                         String expiresAt, String revokedAt, String lastUsedAt) {
    public ApiKeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** Times as ISO-8601 instants (UTC), the same in every JSON mapper. */
    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
