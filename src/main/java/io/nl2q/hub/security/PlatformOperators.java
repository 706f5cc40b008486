package io.nl2q.hub.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** Tells platform operators from everyone else, by operator key or by Keycloak token. */
@Component
public class PlatformOperators {
    private final List<byte[]> keyHashes;
    private final PlatformOperatorProperties properties;
    private final OidcProperties oidc;
    private final ObjectProvider<JwtDecoder> jwt;

    PlatformOperators(PlatformOperatorProperties properties, OidcProperties oidc, ObjectProvider<JwtDecoder> jwt) {
        this.properties = properties;
        this.oidc = oidc;
        this.jwt = jwt;
        this.keyHashes = Stream.concat(properties.keys().stream().map(ApiKeys::hash), properties.keyHashes().stream())
                .map(h -> HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT))).toList();
    }

    /** The operator a presented key belongs to; compared as hashes, in constant time. */
    public Optional<PlatformOperator> byKey(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = HexFormat.of().parseHex(ApiKeys.hash(presented));
        boolean known = false;
        for (byte[] candidate : keyHashes) {
            known |= MessageDigest.isEqual(candidate, hash);
        }
        return known ? Optional.of(new PlatformOperator("platform:key:"
                + HexFormat.of().formatHex(hash).substring(0, 12))) : Optional.empty();
    }

    /**
     * The operator a bearer token names: valid for this hub (signature, issuer, audience, expiry), holding the
     * platform realm role and no tenant claim. A token with a tenant is a tenant's, whatever its roles.
     */
    public Optional<PlatformOperator> byToken(String token) {
        JwtDecoder decoder = oidc.enabled() ? jwt.getIfAvailable() : null;
        if (decoder == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return byToken(decoder.decode(token.strip()));
        } catch (JwtException invalid) {
            return Optional.empty();
        }
    }

    /** The operator of an already validated token, if it is a platform operator's. */
    public Optional<PlatformOperator> byToken(Jwt token) {
        String tenant = token.getClaimAsString(oidc.tenantClaim());
        if (tenant != null && !tenant.isBlank()) {
            return Optional.empty();
        }
        Object realm = token.getClaimAsMap("realm_access") == null ? null
                : token.getClaimAsMap("realm_access").get("roles");
        if (!(realm instanceof java.util.Collection<?> roles) || !roles.contains(properties.keycloakRole())) {
            return Optional.empty();
        }
        String user = Optional.ofNullable(token.getClaimAsString(oidc.usernameClaim())).orElse(token.getSubject());
        return Optional.of(new PlatformOperator("platform:user:" + user));
    }
}
