package io.nl2q.hub.security;

import java.util.Locale;

/** What a caller may do within its tenant. */
public enum Role {
    /** ask questions */
    VIEWER,
    /** + the SQL endpoint and feedback */
    ANALYST,
    /** + tenant settings, API keys, schedules */
    ADMIN,
    /** Hawtio and operations endpoints */
    OPERATOR,
    /** machine clients (Power BI gateway, partner systems) */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
