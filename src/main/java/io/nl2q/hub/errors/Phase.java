package io.nl2q.hub.errors;

/** Where in a flow an error happened; reported with every error response, audit row and event. */
public enum Phase {
    REQUEST, AUTHENTICATE, RETRIEVE, GENERATE, GUARD, EXECUTE, EXPLAIN, DELIVER, LOAD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
