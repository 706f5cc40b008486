package io.nl2q.hub.security;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/** The answer to creating a key: the key in clear, shown this once, and what is stored about it. */
public record IssuedApiKey(String key, @JsonUnwrapped ApiKeyInfo info) {
    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(info, "info");
    }
}
