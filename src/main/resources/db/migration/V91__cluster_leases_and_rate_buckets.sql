-- Leadership of the consumers that run once per cluster (CRM timers, CDC listener): one row per namespace, held by
-- the replica whose lease has not expired. Times come from the database's clock, so replicas need not agree.
CREATE TABLE cluster_lease (
    namespace  VARCHAR(100) PRIMARY KEY,
    member_id  VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Token buckets shared by every replica (API rate limits, widget links): bucket4j's serialized state, swapped by
-- compare-and-set on version; rows past expires_at are full buckets and may be deleted.
CREATE TABLE rate_bucket (
    bucket_id  VARCHAR(400) PRIMARY KEY,
    state      BYTEA NOT NULL,
    version    BIGINT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rate_bucket_expires ON rate_bucket (expires_at);

-- What each tenant spent on the language model per UTC day, summed over every replica (the daily LLM budget).
CREATE TABLE llm_spend_day (
    tenant_id VARCHAR(64) NOT NULL,
    spend_day DATE NOT NULL,
    usd       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (tenant_id, spend_day)
);
