-- The hub's own id of an answer (queryId), beside the request's correlation id (the client's trace id): a client
-- that reuses a correlation id still gets a distinct queryId per answer, and feedback attaches by it.
ALTER TABLE query_audit ADD COLUMN query_id VARCHAR(64);

CREATE INDEX query_audit_query_id ON query_audit (query_id);
