-- Veeva CRM Change Data Capture (issue 7): the replay id of the last change event applied to the warehouse, per
-- tenant and channel (e.g. /data/AccountChangeEvent). After a restart the subscription resumes after it, so no event
-- is lost; an event applied but not yet recorded here is applied again, which the idempotent loader makes harmless.
CREATE TABLE crm_cdc_replay (
    tenant_id  VARCHAR(63)  NOT NULL,
    channel    VARCHAR(120) NOT NULL,
    replay_id  BIGINT       NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (tenant_id, channel)
);
