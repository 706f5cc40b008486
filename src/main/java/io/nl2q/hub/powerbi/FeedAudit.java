package io.nl2q.hub.powerbi;

import io.nl2q.hub.audit.AuditTrail;
import io.nl2q.hub.audit.DataRead;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one feed request read, collected while Olingo and the processors answer it, and recorded as one audit row
 * when the request is done: the request, the SQL that ran, the rows and columns handed out, or the error it ended
 * with. The service document and {@code $metadata} read no warehouse data and are not recorded.
 */
final class FeedAudit {
    static final String KIND = "odata";
    private final String correlationId;
    private final String request;
    private final long startedAt = System.nanoTime();
    private final List<String> sql = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private Integer rows;
    private String detail;
    private String errorCode;

    FeedAudit(String correlationId, HttpServletRequest http) {
        this.correlationId = correlationId;
        String query = http.getQueryString();
        this.request = http.getMethod() + " " + http.getRequestURI() + (query == null ? "" : "?" + decoded(query));
    }

    private static String decoded(String query) {
        try {
            return URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return query;
        }
    }

    /** Whether the request reads warehouse data (anything but the service document and {@code $metadata}). */
    static boolean readsData(HttpServletRequest http) {
        String path = http.getPathInfo();
        return !(path == null || path.isEmpty() || path.equals("/") || path.equals("/$metadata"));
    }

    void ran(String statement) {
        sql.add(statement);
    }

    /** @param read the columns of the rows handed out, {@code table.column} for tables, labels for saved questions */
    void delivered(FeedSet set, List<FeedColumn> read, int rowCount) {
        rows = rowCount;
        for (FeedColumn c : read) {
            columns.add(set.kind() == FeedSet.Kind.TABLE ? set.source() + "." + c.sqlLabel() : c.sqlLabel());
        }
    }

    void counted(long n) {
        rows = rows == null ? 0 : rows;
        detail = "$count " + n;
    }

    void failed(String code, String message) {
        errorCode = code;
        detail = message;
    }

    String correlationId() {
        return correlationId;
    }

    void record(AuditTrail trail, Caller caller, ClientInfo client) {
        long elapsedMs = (System.nanoTime() - startedAt) / 1_000_000;
        trail.read(caller, new DataRead(KIND, correlationId, request, sql.isEmpty() ? null : String.join(";\n", sql),
                errorCode == null ? rows : null, errorCode == null ? columns : List.of(), elapsedMs, errorCode,
                detail), client);
    }
}
