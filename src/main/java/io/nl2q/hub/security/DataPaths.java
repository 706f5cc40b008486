package io.nl2q.hub.security;

/**
 * The paths besides {@code /api/v1/query} that answer with warehouse data; one list, so a new edge of the question
 * pipeline is not left open to callers who hold only a duty role (operator) by being forgotten in the role rules.
 */
final class DataPaths {
    static final String[] READING = {"/api/powerbi/query", "/odata/v1", "/odata/v1/**", "/api/v1/crm/widget-links"};

    private DataPaths() {
    }
}
