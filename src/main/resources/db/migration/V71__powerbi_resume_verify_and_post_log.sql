-- Power BI deliveries (issue 17).
-- A push waiting for a long Retry-After (or the hourly row budget) is resumed at resume_at by a timer, not by a
-- sleeping thread; an APPEND push counts the table first (baseline_rows) so an ambiguous 5xx can be settled by a row
-- count; reloads counts how often a FULL push had to clear and load again to end with exactly the source rows.
ALTER TABLE powerbi_push_run ADD COLUMN resume_at TIMESTAMP;
ALTER TABLE powerbi_push_run ADD COLUMN baseline_rows BIGINT;
ALTER TABLE powerbi_push_run ADD COLUMN reloads INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE powerbi_push_run ADD COLUMN dataset_created BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE powerbi_push_run ADD COLUMN requested_by VARCHAR(200);
CREATE INDEX powerbi_push_run_resume ON powerbi_push_run (status, resume_at);

-- Every row POST of the last hour per dataset: the push limiter's windows survive a restart.
CREATE TABLE powerbi_push_post (
    dataset_id  VARCHAR(64) NOT NULL,
    posted_at   TIMESTAMP   NOT NULL,
    row_count   INTEGER     NOT NULL
);
CREATE INDEX powerbi_push_post_dataset ON powerbi_push_post (dataset_id, posted_at);

-- A refresh is a state kept here, not a thread: QUEUED, WAITING (until resume_at: a long Retry-After, the daily cap),
-- REQUESTED (Power BI accepted it at posted_at; followed by its own request id at next_poll_at), then COMPLETED,
-- FAILED, TIMED_OUT or REFUSED.
ALTER TABLE powerbi_refresh ADD COLUMN dataset_name VARCHAR(100);
ALTER TABLE powerbi_refresh ADD COLUMN resume_at TIMESTAMP;
ALTER TABLE powerbi_refresh ADD COLUMN next_poll_at TIMESTAMP;
ALTER TABLE powerbi_refresh ADD COLUMN posted_at TIMESTAMP;
ALTER TABLE powerbi_refresh ADD COLUMN requested_by VARCHAR(200);
CREATE INDEX powerbi_refresh_open ON powerbi_refresh (status, dataset_name);
