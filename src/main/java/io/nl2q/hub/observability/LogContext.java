package io.nl2q.hub.observability;

import io.nl2q.hub.security.Caller;
import org.slf4j.MDC;

/** The logging-context keys of a request (MDC): set by the HTTP filter and again by each route's exchange. */
final class LogContext {
    static final String TENANT = "tenant";
    static final String CALLER = "caller";
    static final String CORRELATION_ID = "correlationId";

    private LogContext() {
    }

    /** Sets the keys of this caller and correlation id, removing those that are unknown (null). */
    static void set(Caller caller, String correlationId) {
        put(TENANT, caller == null ? null : caller.tenant().id());
        put(CALLER, caller == null ? null : caller.subject());
        put(CORRELATION_ID, correlationId);
    }

    static void clear() {
        set(null, null);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
