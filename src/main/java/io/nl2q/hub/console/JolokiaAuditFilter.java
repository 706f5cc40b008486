package io.nl2q.hub.console;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.audit.PlatformAudit;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.CorrelationIds;
import io.nl2q.hub.security.PlatformOperator;
import io.nl2q.hub.security.PlatformOperatorAuthentication;
import io.nl2q.hub.web.CachedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every Jolokia write and exec goes into the platform audit trail (who, MBean, operation or attribute, allowed or
 * denied) before Jolokia sees it, judged by the same policy Jolokia then enforces (a denied part is answered by
 * Jolokia with status 403). What the console cannot judge is refused with HTTP 400 or 403: a body that is not strict
 * JSON (so no parser difference lets a request past), requests through Jolokia's proxy ({@code target}), and writes
 * or operations in the URL form of GET (a link or an image must never change anything).
 */
final class JolokiaAuditFilter extends OncePerRequestFilter {
    /** Hawtio's own requests reach megabytes (its RBAC check sends every MBean's operations at once). */
    static final int MAX_BODY = 8 * 1024 * 1024;
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final JolokiaPolicy policy;
    private final PlatformAudit audit;
    private final ConsoleErrors errors;

    JolokiaAuditFilter(JolokiaPolicy policy, PlatformAudit audit, ConsoleErrors errors) {
        this.policy = policy;
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/actuator/jolokia") || path.startsWith("/actuator/hawtio/jolokia"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PlatformOperatorAuthentication who)) {
            chain.doFilter(request, response); // the authorization rules refuse it
            return;
        }
        PlatformOperator operator = who.getPrincipal();
        if ("GET".equals(request.getMethod())) {
            String type = urlType(request);
            if ("exec".equals(type) || "write".equals(type)) {
                record(request, operator, "DENIED", type + " in a GET URL " + clip(request.getRequestURI()));
                errors.write(request, response, ErrorCode.FORBIDDEN, "Jolokia writes and operations are POSTs only");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readCapped(request.getInputStream());
        if (body == null) {
            errors.write(request, response, ErrorCode.BAD_REQUEST,
                    "a Jolokia request is at most " + MAX_BODY / (1024 * 1024) + " MB");
            return;
        }
        List<JsonNode> parts;
        try {
            parts = parts(STRICT.readTree(body));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.write(request, response, ErrorCode.BAD_REQUEST, "a Jolokia request must be a JSON object or array"
                    + " of objects, each key once");
            return;
        }
        boolean proxied = false;
        for (JsonNode part : parts) {
            String verdict = judge(part);
            if (verdict != null) {
                boolean allowed = verdict.startsWith("ALLOWED");
                proxied |= part.has("target");
                record(request, operator, allowed ? "ALLOWED" : "DENIED", verdict.substring(verdict.indexOf(' ') + 1));
            }
        }
        if (proxied) {
            errors.write(request, response, ErrorCode.FORBIDDEN, "Jolokia's proxy to other JVMs is off here");
            return;
        }
        // a denied part is answered by Jolokia itself, with the same policy: status 403 in that part of the reply,
        // so a bulk request of Hawtio's keeps its allowed parts (an HTTP 403 would end the operator's session)
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** "ALLOWED ..."/"DENIED ..." for what must be audited, null for reads, lists, searches and versions. */
    private String judge(JsonNode part) {
        String type = part.path("type").asText("").toLowerCase(Locale.ROOT);
        String mbean = part.path("mbean").isTextual() ? part.path("mbean").asText() : null;
        if (part.has("target")) {
            return "DENIED proxy " + type + " " + mbean + " via " + clip(part.path("target").toString());
        }
        return switch (type) {
            case "exec" -> {
                String operation = part.path("operation").isTextual() ? part.path("operation").asText() : null;
                yield (policy.allowsOperation(mbean, operation) ? "ALLOWED" : "DENIED")
                        + " exec " + mbean + " " + operation;
            }
            case "write" -> {
                String attribute = part.path("attribute").isTextual() ? part.path("attribute").asText() : null;
                yield (policy.allowsWrite(mbean, attribute) ? "ALLOWED" : "DENIED")
                        + " write " + mbean + " " + attribute;
            }
            case "read", "list", "search", "version" -> null;
            default -> "DENIED " + clip(type) + " " + mbean;
        };
    }

    private void record(HttpServletRequest request, PlatformOperator operator, String outcome, String detail) {
        audit.record(operator, "jolokia", outcome, detail, CorrelationIds.of(request),
                ConsoleAuthenticationFilter.client(request));
    }

    private static List<JsonNode> parts(JsonNode tree) {
        List<JsonNode> parts = new ArrayList<>();
        if (tree != null && tree.isObject()) {
            parts.add(tree);
        } else if (tree != null && tree.isArray() && !tree.isEmpty()) {
            for (JsonNode part : tree) {
                if (!part.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                parts.add(part);
            }
        } else {
            throw new IllegalArgumentException("neither object nor array");
        }
        return parts;
    }

    /** The request type of the URL form: /jolokia/exec/..., or the {@code p} parameter Jolokia also reads. */
    private static String urlType(HttpServletRequest request) {
        String path = request.getParameter("p");
        if (path == null) {
            String uri = request.getRequestURI();
            int at = uri.indexOf("/jolokia");
            path = at < 0 ? "" : uri.substring(at + "/jolokia".length());
        }
        for (String segment : path.split("/")) {
            if (!segment.isBlank()) {
                return segment.strip().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] read = in.readNBytes(MAX_BODY + 1);
        return read.length > MAX_BODY ? null : read;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
