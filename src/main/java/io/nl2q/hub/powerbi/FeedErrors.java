package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.security.CorrelationIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the feed as an OData error body with a code (Olingo leaves it null for its own refusals) and the
 * request's correlation id in {@code innererror}; a 5xx other than the warehouse's own (503, 504) is logged and shown
 * only as {@code INTERNAL}, so no library or driver text reaches the client. The error is noted for the audit row.
 */
final class FeedErrors implements ErrorProcessor {
    private static final Logger log = LoggerFactory.getLogger(FeedErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeedAudit audit;

    FeedErrors(FeedAudit audit) {
        this.audit = audit;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        // the error body is written here, not by Olingo's serializer
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error,
                             ContentType format) {
        int status = error.getStatusCode();
        if (status >= 500 && status != 503 && status != 504 && status != 501) {
            log.error("OData feed failure [{}]", audit.correlationId(), error.getException());
            error.setStatusCode(500).setMessage("internal error; quote the correlation id to your administrator")
                    .setCode("INTERNAL");
        } else if (error.getCode() == null) {
            error.setCode(code(status));
        }
        audit.failed(error.getCode(), error.getMessage());
        response.setContent(new ByteArrayInputStream(body(error.getCode(), error.getMessage(), audit.correlationId())
                .getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(error.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.APPLICATION_JSON.toContentTypeString());
        response.setHeader(CorrelationIds.HEADER, audit.correlationId());
    }

    /** The code of an error the feed answers itself, before or beside Olingo. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 412 -> "PRECONDITION_FAILED";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "WAREHOUSE_UNAVAILABLE";
            case 504 -> "QUERY_TIMEOUT";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
    }

    /** An OData error body written by the servlet for failures outside Olingo (no caller, an unsupported option). */
    static void write(HttpServletResponse response, int status, String code, String message, String correlationId)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader(CorrelationIds.HEADER, correlationId);
        response.getWriter().write(body(code, message, correlationId));
    }

    /** {@code {"error": {"code", "message", "innererror": {"correlationId"}}}} (OData JSON's error format). */
    private static String body(String code, String message, String correlationId) {
        var body = JSON.createObjectNode();
        var err = body.putObject("error").put("code", code).put("message", message);
        err.putObject("innererror").put("correlationId", correlationId);
        return body.toString();
    }
}
