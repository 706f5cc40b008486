package io.nl2q.hub.pipeline;

import java.util.Set;

/**
 * Which columns hold PII and which roles may read them: the one policy behind {@link PiiMask}. The deployment sets it
 * under {@code hub.powerbi.odata} (pii-columns, pii-roles), where the OData feed, its first reader, configures it.
 */
public interface PiiPolicy {
    /** {@code table.column} names shown only to callers holding one of {@link #piiRoles()}. */
    Set<String> piiColumns();

    /** Role names allowed to see the PII columns. */
    Set<String> piiRoles();
}
