-- The audit trail becomes tamper-evident: each tenant's rows form a hash chain (entry_hash = SHA-256 of the previous
-- entry's hash and this entry's canonical content, see audit/AuditEntry), numbered without gaps by tenant_seq.
-- The head table holds each chain's last number and hash, so a removed tail shows too, and serializes writers
-- across replicas (SELECT ... FOR UPDATE). Rows written before this migration have no tenant_seq and stay unchained.
-- From here on query_audit.created_at is UTC wall time (written as such by the hub).
-- Runs unchanged on H2 and PostgreSQL.
ALTER TABLE query_audit ADD COLUMN tenant_seq BIGINT;
ALTER TABLE query_audit ADD COLUMN client_ip VARCHAR(64);
ALTER TABLE query_audit ADD COLUMN user_agent VARCHAR(400);
ALTER TABLE query_audit ADD COLUMN guard_verdict VARCHAR(1000);
ALTER TABLE query_audit ADD COLUMN error_code VARCHAR(32);
ALTER TABLE query_audit ADD COLUMN pii_columns VARCHAR(400);
ALTER TABLE query_audit ADD COLUMN detail VARCHAR(1000);
ALTER TABLE query_audit ADD COLUMN prev_hash CHAR(64);
ALTER TABLE query_audit ADD COLUMN entry_hash CHAR(64);

CREATE UNIQUE INDEX query_audit_chain ON query_audit (tenant_id, tenant_seq);

CREATE TABLE audit_chain_head (
    tenant_id VARCHAR(63) NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash CHAR(64)    NOT NULL
);
