package io.nl2q.hub.security;

import java.util.Objects;

/**
 * Someone operating the hub itself rather than one tenant's data: the audit trail names them by {@code subject}
 * ({@code platform:key:<hash prefix>} or {@code platform:user:<name>}); their actions are audited under
 * {@link #AUDIT_TENANT}.
 */
public record PlatformOperator(String subject) {
    /** The audit chain platform actions are recorded in; no tenant can be called so (ids are [a-z0-9-]). */
    public static final String AUDIT_TENANT = "_platform";

    public PlatformOperator {
        Objects.requireNonNull(subject, "subject");
    }
}
