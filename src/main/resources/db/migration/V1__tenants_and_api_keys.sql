-- App state: the tenants this hub serves and the API keys that act for them.
-- Runs unchanged on H2 (embedded default) and PostgreSQL (prod).

CREATE TABLE tenant (
    tenant_id   VARCHAR(63)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    schema_name VARCHAR(63)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

-- A key is stored only as its SHA-256 hash; the prefix lets people tell their keys apart.
CREATE TABLE api_key (
    key_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL REFERENCES tenant (tenant_id),
    key_hash     CHAR(64)     NOT NULL UNIQUE,
    key_prefix   VARCHAR(12)  NOT NULL,
    label        VARCHAR(200) NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP,
    revoked_at   TIMESTAMP,
    last_used_at TIMESTAMP
);

CREATE INDEX api_key_tenant ON api_key (tenant_id);
