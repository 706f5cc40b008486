package io.nl2q.hub.security;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Security events of a known tenant go into its audit chain, with the client of the current request. */
@Component
class SecurityEvents {
    private final SecurityAudit audit;

    SecurityEvents(SecurityAudit audit) {
        this.audit = audit;
    }

    void record(Caller caller, String event, String detail) {
        record(caller, event, UUID.randomUUID().toString(), detail, currentClient());
    }

    void record(Caller caller, String event, String correlationId, String detail, ClientInfo client) {
        audit.securityEvent(caller, event, correlationId, detail, client);
    }

    static ClientInfo currentClient() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof ClientInfo client ? client : ClientInfo.UNKNOWN;
    }
}
