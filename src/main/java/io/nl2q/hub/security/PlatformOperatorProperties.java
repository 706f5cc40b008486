package io.nl2q.hub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.security.platform-operators}: who operates the hub itself (Hawtio, Jolokia, every tenant's dead
 * letters). A platform operator belongs to no tenant; tenant keys and tokens never act as one, whatever their roles.
 *
 * @param keys          operator keys in clear: the embedded default's demo key only (the prod profile refuses them)
 * @param keyHashes     SHA-256 (hex) of operator keys, e.g. from {@code HUB_PLATFORM_OPERATOR_KEY_SHA256}
 * @param keycloakRole  the realm role that makes a token without a tenant claim a platform operator's
 */
@ConfigurationProperties("hub.security.platform-operators")
public record PlatformOperatorProperties(List<String> keys, List<String> keyHashes, String keycloakRole) {
    public PlatformOperatorProperties {
        keys = keys == null ? List.of() : keys.stream().filter(k -> k != null && !k.isBlank()).toList();
        keyHashes = keyHashes == null ? List.of()
                : keyHashes.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).toList();
        keycloakRole = keycloakRole == null || keycloakRole.isBlank() ? "platform-operator" : keycloakRole;
        for (String hash : keyHashes) {
            if (!hash.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(
                        "hub.security.platform-operators.key-hashes holds something that is not a SHA-256 in hex");
            }
        }
    }
}
