package io.nl2q.hub.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated as a {@link PlatformOperator}. Its only authority is {@link #AUTHORITY}, which is not a
 * {@link Role}: no tenant key can be issued with it, and routes that need a tenant's {@link Caller} refuse it.
 */
public final class PlatformOperatorAuthentication extends AbstractAuthenticationToken {
    public static final String AUTHORITY = "ROLE_PLATFORM_OPERATOR";
    private final PlatformOperator operator;

    public PlatformOperatorAuthentication(PlatformOperator operator) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.operator = operator;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PlatformOperator getPrincipal() {
        return operator;
    }

    @Override
    public String getName() {
        return operator.subject();
    }
}
