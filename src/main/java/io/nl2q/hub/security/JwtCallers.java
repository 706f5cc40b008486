package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenantDirectory;
import io.nl2q.hub.tenancy.TenantRef;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated token into a {@link Caller}: the tenant from the tenant claim (it must be a tenant this hub
 * serves, or the token is refused; a token with no tenant and the platform operator's realm role is a
 * {@link PlatformOperator}'s), roles from Keycloak realm roles ({@code realm_access.roles}, names of
 * {@link Role}; other realm roles are ignored), the user from the username claim.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {
    private final OidcProperties oidc;
    private final TenantDirectory tenants;
    private final PlatformOperators platform;

    JwtCallers(OidcProperties oidc, TenantDirectory tenants, PlatformOperators platform) {
        this.oidc = oidc;
        this.tenants = tenants;
        this.platform = platform;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String tenantId = jwt.getClaimAsString(oidc.tenantClaim());
        if (tenantId == null || tenantId.isBlank()) {
            Optional<PlatformOperator> operator = platform.byToken(jwt);
            if (operator.isPresent()) {
                return new PlatformOperatorAuthentication(operator.get());
            }
            throw new InvalidBearerTokenException("the token carries no " + oidc.tenantClaim() + " claim");
        }
        Optional<TenantRef> tenant = tenants.find(tenantId);
        if (tenant.isEmpty()) {
            throw new InvalidBearerTokenException("the token's tenant is not served here");
        }
        String user = Optional.ofNullable(jwt.getClaimAsString(oidc.usernameClaim())).orElse(jwt.getSubject());
        return new CallerAuthentication(new Caller(tenant.get(), "user:" + user, realmRoles(jwt)));
    }

    static Set<Role> realmRoles(Jwt jwt) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Map<String, Object> realm = jwt.getClaimAsMap("realm_access");
        Object names = realm == null ? null : realm.get("roles");
        for (Object name : names instanceof Collection<?> c ? c : List.of()) {
            for (Role r : Role.values()) {
                if (r.name().equalsIgnoreCase(String.valueOf(name))) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }
}
