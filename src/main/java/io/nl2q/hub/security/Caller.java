package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenantRef;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: the tenant every query of theirs is bound to, a subject for the audit trail, and their roles.
 *
 * @param subject the user name from a token, or {@code key:<key id>} for an API key (the id the admin API lists)
 */
public record Caller(TenantRef tenant, String subject, Set<Role> roles) {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return Role.expand(roles).contains(role);
    }
}
