package io.nl2q.hub.powerbi;

import io.nl2q.hub.audit.AuditTrail;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Callers;
import io.nl2q.hub.security.CorrelationIds;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The OData v4 feed at {@code /odata/v1}: Olingo's handler over the CSDL of the authenticated caller's tenant (Spring
 * Security has authenticated the API key, as header or Basic password, before this runs). Every error is an OData
 * error body with a code ({@link FeedErrors}); system query options the feed does not implement are refused with 501
 * before Olingo, which would ignore some of them. Every request that reads or tries to read warehouse data leaves
 * one audit row ({@link FeedAudit}).
 */
final class ODataFeedServlet extends HttpServlet {
    /** OData system query options with no implementation here (Olingo parses $search and $apply, then ignores them). */
    static final Set<String> UNSUPPORTED = Set.of("$search", "$expand", "$apply", "$compute", "$index",
            "$schemaversion", "$deltatoken");
    private final transient Callers callers;
    private final transient FeedCatalog catalog;
    private final transient FeedQueries queries;
    private final transient ODataProperties properties;
    private final transient AuditTrail auditTrail;

    ODataFeedServlet(Callers callers, FeedCatalog catalog, FeedQueries queries, ODataProperties properties,
                     AuditTrail auditTrail) {
        this.callers = callers;
        this.catalog = catalog;
        this.queries = queries;
        this.properties = properties;
        this.auditTrail = auditTrail;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String correlationId = CorrelationIds.of(request);
        Caller caller;
        try {
            caller = callers.current();
        } catch (HubException e) {
            FeedErrors.write(response, e.code().httpStatus(), e.code().name(), e.getMessage(), correlationId);
            return;
        }
        FeedAudit audit = new FeedAudit(correlationId, request);
        if (!FeedAudit.readsData(request)) {
            answer(request, response, caller, audit); // no audit row to wait for: streamed as Olingo writes it
            return;
        }
        // held back until the audit row is written, so a client that has the answer finds the row
        var held = new ContentCachingResponseWrapper(response);
        try {
            answer(request, held, caller, audit);
        } finally {
            audit.record(auditTrail, caller, callers.client());
            held.copyBodyToResponse();
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Caller caller, FeedAudit audit)
            throws IOException {
        Optional<String> unsupported = unsupportedOption(request.getQueryString());
        if (unsupported.isPresent()) {
            String message = "the feed does not implement the system query option " + unsupported.get();
            audit.failed("NOT_IMPLEMENTED", message);
            FeedErrors.write(response, 501, "NOT_IMPLEMENTED", message, audit.correlationId());
            return;
        }
        FeedModel model;
        try {
            model = catalog.model(caller);
        } catch (HubException e) {
            audit.failed(e.code().name(), e.getMessage());
            FeedErrors.write(response, e.code().httpStatus(), e.code().name(), e.getMessage(), audit.correlationId());
            return;
        }
        OData odata = OData.newInstance();
        ServiceMetadata metadata = odata.createServiceMetadata(new FeedEdmProvider(model), List.of());
        ODataHttpHandler handler = odata.createHandler(metadata);
        String root = FeedLinks.serviceRoot(properties, request);
        FeedCall call = new FeedCall(model, caller, queries, audit, root, properties.pageSize());
        handler.register(new FeedProcessor(call));
        handler.register(new FeedEntityProcessor(call));
        handler.register(new FeedServiceDocument(root));
        handler.register(new FeedErrors(audit));
        handler.process(request, response);
    }

    /** The first option of the query that the feed does not implement, compared as OData 4.01 does (any case). */
    static Optional<String> unsupportedOption(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException malformed) {
                continue; // Olingo refuses the malformed query with 400
            }
            if (UNSUPPORTED.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
