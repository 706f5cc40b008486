package io.nl2q.hub.security;

/**
 * Where the security events of a known tenant are recorded: key issued or revoked, access forbidden, rate limited.
 * The audit trail implements it, so security knows no audit type and audit may depend on security's callers.
 */
public interface SecurityAudit {
    void securityEvent(Caller caller, String event, String correlationId, String detail, ClientInfo client);
}
