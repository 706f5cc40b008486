package io.nl2q.hub.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of checking one tenant's chain: how many entries were checked, whether all are intact and, if not, the
 * first entry that does not match (its sequence number and row id) and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(String tenant, long entries, boolean intact, Long firstAlteredSeq,
                                Long firstAlteredAuditId, String reason, long elapsedMs) {
}
