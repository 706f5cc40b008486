package io.nl2q.hub.audit;

import io.nl2q.hub.security.ClientInfo;
import io.nl2q.hub.security.PlatformOperator;
import org.springframework.stereotype.Component;

/**
 * Platform operators' actions (Jolokia writes and operations, allowed or denied) in a chain of their own, under
 * {@link PlatformOperator#AUDIT_TENANT}: they belong to no tenant, and verify like any tenant's chain.
 */
@Component
public class PlatformAudit {
    private final AuditChain chain;

    PlatformAudit(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * @param kind    what was asked, e.g. {@code jolokia}
     * @param outcome {@code ALLOWED} or {@code DENIED}
     * @param detail  the action: request type, MBean, operation or attribute
     */
    public void record(PlatformOperator operator, String kind, String outcome, String detail, String correlationId,
                       ClientInfo client) {
        ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
        chain.append(AuditChain.NewEntry.of(PlatformOperator.AUDIT_TENANT, correlationId, operator.subject(), kind,
                        outcome)
                .client(from.ip(), from.userAgent())
                .detail(detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
                .build());
    }
}
