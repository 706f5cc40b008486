-- Failed loads of a partner file, by file name and SHA-256. A file that fails for a reason of its own (not a
-- warehouse that is down) is set aside after hub.boast.max-load-attempts instead of being retried on every poll.
CREATE TABLE boast_load_attempt (
    file_key   VARCHAR(400)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)   NOT NULL,
    attempts   INT           NOT NULL,
    last_error VARCHAR(2000),
    updated_at TIMESTAMP     NOT NULL
);
