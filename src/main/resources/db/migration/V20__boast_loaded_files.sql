-- BOAST partner files already loaded, by file name and SHA-256 (the inbound route's JDBC idempotent repository,
-- shared by every replica). Column names are those Camel's JdbcMessageIdRepository uses.
CREATE TABLE boast_loaded_file (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(400) NOT NULL,
    createdAt     TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
