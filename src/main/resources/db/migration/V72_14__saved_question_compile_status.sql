-- Saved questions are recompiled when the semantic model changes (issue 14): the model version each was last
-- compiled with, whether it still compiles ('ok' or 'broken') and why not, and when that was checked.
ALTER TABLE saved_question ADD COLUMN model_version VARCHAR(64);
ALTER TABLE saved_question ADD COLUMN compile_status VARCHAR(20) DEFAULT 'ok' NOT NULL;
ALTER TABLE saved_question ADD COLUMN compile_error TEXT;
ALTER TABLE saved_question ADD COLUMN compiled_at TIMESTAMP;
