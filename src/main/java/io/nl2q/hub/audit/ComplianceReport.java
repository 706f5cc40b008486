package io.nl2q.hub.audit;

import java.util.Map;

/**
 * What a compliance officer reads for one tenant and period (GDPR Art. 30 records of processing, HIPAA
 * §164.312(b) audit controls): requests and who made them, reads of PII columns, refusals and security events.
 * Counts by key are sorted by key. {@code dataReads} counts every request that read or tried to read warehouse data,
 * answered or refused, by type: {@code question}, {@code sql}, {@code odata}, and the features' own reads by purpose
 * (widget, exports, CRM insights, Power BI pushes); {@code uniqueUsers} counts who made them.
 */
public record ComplianceReport(String tenant, String from, String to, long questionsAsked, long sqlRequests,
                               Counted dataReads, long uniqueUsers, PiiAccesses piiAccesses, Counted refusals, Counted securityEvents,
                               ChainVerification chain) {

    /** Answered requests that read PII columns: how many, per column, and per user. */
    public record PiiAccesses(long requests, Map<String, Long> byColumn, Map<String, Long> byUser) {
        public PiiAccesses {
            byColumn = Map.copyOf(byColumn);
            byUser = Map.copyOf(byUser);
        }
    }

    /** A total and its break-down (refusals by error code, security events by type). */
    public record Counted(long total, Map<String, Long> byType) {
        public Counted {
            byType = Map.copyOf(byType);
        }
    }
}
