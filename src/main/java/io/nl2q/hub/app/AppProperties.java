package io.nl2q.hub.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web app ({@code hub.app}).
 *
 * @param oidcClientId the OIDC public client the page signs in through (authorization code + PKCE); Keycloak's
 *                     realm export names it {@code nl2q-web}
 */
@ConfigurationProperties("hub.app")
record AppProperties(String oidcClientId) {
    AppProperties {
        oidcClientId = oidcClientId == null || oidcClientId.isBlank() ? "nl2q-web" : oidcClientId;
    }
}
