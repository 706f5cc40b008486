package io.nl2q.hub.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a caller may do within its tenant. */
public enum Role {
    /** ask questions */
    VIEWER,
    /** + the SQL endpoint and feedback */
    ANALYST,
    /** + tenant settings, API keys, schedules */
    ADMIN,
    /** the tenant's operations endpoints (its dead letters, sync and delivery runs); never Hawtio or Jolokia */
    OPERATOR,
    /** machine clients (Power BI gateway, partner systems) */
    INTEGRATION;

    /**
     * The roles a role includes: an admin may do what an analyst may, an analyst what a viewer may. Operator and
     * integration are separate duties and include nothing else.
     */
    public Set<Role> includes() {
        return switch (this) {
            case ADMIN -> EnumSet.of(ADMIN, ANALYST, VIEWER);
            case ANALYST -> EnumSet.of(ANALYST, VIEWER);
            default -> EnumSet.of(this);
        };
    }

    /** Every role the given roles amount to, with the included ones. */
    public static Set<Role> expand(Set<Role> roles) {
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        roles.forEach(r -> all.addAll(r.includes()));
        return Set.copyOf(all);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
