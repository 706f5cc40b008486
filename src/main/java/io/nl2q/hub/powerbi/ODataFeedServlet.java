package io.nl2q.hub.powerbi;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Callers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;

/**
 * The OData v4 feed at {@code /odata/v1}: Olingo's handler over the CSDL of the authenticated caller's tenant (Spring
 * Security has authenticated the API key, as header or Basic password, before this runs). Olingo answers malformed
 * URLs with OData error bodies and 400.
 */
final class ODataFeedServlet extends HttpServlet {
    private final transient Callers callers;
    private final transient FeedCatalog catalog;
    private final transient FeedQueries queries;
    private final transient ODataProperties properties;

    ODataFeedServlet(Callers callers, FeedCatalog catalog, FeedQueries queries, ODataProperties properties) {
        this.callers = callers;
        this.catalog = catalog;
        this.queries = queries;
        this.properties = properties;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller;
        FeedModel model;
        try {
            caller = callers.current();
            model = catalog.model(caller);
        } catch (HubException e) {
            error(response, e.code().httpStatus(), e.code().name(), e.getMessage());
            return;
        }
        OData odata = OData.newInstance();
        ServiceMetadata metadata = odata.createServiceMetadata(new FeedEdmProvider(model), List.of());
        ODataHttpHandler handler = odata.createHandler(metadata);
        handler.register(new FeedProcessor(model, caller, queries, properties.pageSize()));
        handler.register(new FeedServiceDocument());
        handler.process(request, response);
    }

    /** An OData JSON error body for failures before Olingo takes over (no caller, warehouse down). */
    private static void error(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var body = json.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        response.getWriter().write(body.toString());
    }
}
