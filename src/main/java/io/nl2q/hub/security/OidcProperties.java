package io.nl2q.hub.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.security.oidc}: bearer tokens from an OIDC provider (Keycloak) beside API keys.
 *
 * @param enabled       accept bearer tokens at all (the prod profile requires it)
 * @param issuerUri     the exact {@code iss} a token must carry, e.g. https://sso.example.com/realms/nl2q
 * @param jwkSetUri     where the signing keys are published; Keycloak's certs endpoint under the issuer by default.
 *                      Keys are refetched when a token names an unknown key id, so key rotation needs no restart.
 * @param audience      a value the token's {@code aud} must contain
 * @param tenantClaim   the claim naming the caller's tenant
 * @param usernameClaim the claim naming the user for the audit trail ({@code sub} when absent)
 * @param clockSkew     tolerance for {@code exp} and {@code nbf}
 */
@ConfigurationProperties("hub.security.oidc")
public record OidcProperties(boolean enabled, String issuerUri, String jwkSetUri, String audience, String tenantClaim,
                             String usernameClaim, Duration clockSkew) {
    public OidcProperties {
        tenantClaim = tenantClaim == null || tenantClaim.isBlank() ? "tenant" : tenantClaim;
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        if (enabled && (issuerUri == null || issuerUri.isBlank() || audience == null || audience.isBlank())) {
            throw new IllegalArgumentException(
                    "hub.security.oidc.enabled needs hub.security.oidc.issuer-uri and hub.security.oidc.audience");
        }
    }

    String effectiveJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri
                : issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
    }
}
