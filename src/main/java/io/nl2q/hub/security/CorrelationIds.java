package io.nl2q.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request to its log lines, audit row and error: the client's, if sane, or a new one. */
public final class CorrelationIds {
    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationIds() {
    }

    public static String of(HttpServletRequest request) {
        Object known = request.getAttribute(HEADER);
        if (known instanceof String id) {
            return id;
        }
        String id = accept(request.getHeader(HEADER));
        request.setAttribute(HEADER, id);
        return id;
    }

    /** The given id when it is short and plain, otherwise a fresh one (a client cannot inject into logs). */
    public static String accept(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
