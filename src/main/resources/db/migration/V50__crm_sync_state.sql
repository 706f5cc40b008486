-- Veeva CRM sync state (issue 7). Watermarks say where each tenant's incremental pull of each object resumes;
-- the account flags keep what the warehouse schema has no column for (opt-out of prescriber-data use);
-- insights keep what was computed and the content hash of what was last accepted by the CRM, so unchanged
-- insights are not pushed again.
CREATE TABLE crm_watermark (
    tenant_id    VARCHAR(63)  NOT NULL,
    object_key   VARCHAR(120) NOT NULL,  -- e.g. Account, Account#deleted, Call2_vod__c
    watermark    TIMESTAMP,              -- SystemModstamp of the newest record applied; NULL before the first load
    reconciled_at TIMESTAMP,             -- last full key reconciliation (or first load)
    updated_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (tenant_id, object_key)
);

CREATE TABLE crm_account_flag (
    tenant_id      VARCHAR(63) NOT NULL,
    crm_account_id VARCHAR(18) NOT NULL,
    pdrp_opt_out   BOOLEAN     NOT NULL,
    PRIMARY KEY (tenant_id, crm_account_id)
);

CREATE TABLE crm_insight (
    tenant_id        VARCHAR(63)   NOT NULL,
    crm_account_id   VARCHAR(18)   NOT NULL,
    trend            VARCHAR(40)   NOT NULL,
    summary          VARCHAR(1000) NOT NULL,
    message          VARCHAR(1000) NOT NULL,
    content_hash     VARCHAR(64)   NOT NULL,
    computed_at      TIMESTAMP     NOT NULL,
    pushed_hash      VARCHAR(64),            -- hash of the content the CRM last accepted
    pushed_at        TIMESTAMP,
    PRIMARY KEY (tenant_id, crm_account_id)
);
