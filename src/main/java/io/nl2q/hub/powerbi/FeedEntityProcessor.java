package io.nl2q.hub.powerbi;

import io.nl2q.hub.errors.ErrorCode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;

/**
 * Reads one entity by key ({@code hcp('H000001')}, {@code rx_weekly(hcp_id='H1',product_id='P01',...)}, or a saved
 * question's {@code saved_x(3)}, its third row in the feed's order), with {@code $select}: the key becomes a condition
 * of the same compiled, guarded read as a page of the set, so tenancy and the PII policy hold alike. Absent: 404.
 * The feed is read-only: writes answer 405.
 */
final class FeedEntityProcessor extends FeedReadProcessor implements EntityProcessor {

    FeedEntityProcessor(FeedCall call) {
        super(call);
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        UriResourceEntitySet resource = FeedUris.entitySet(uri);
        EdmEntitySet edmSet = resource.getEntitySet();
        FeedSet set = call.set(edmSet);
        FeedSqlCompiler compiler = new FeedSqlCompiler(call.dialect());
        FeedRequest feed = set.syntheticKey() ? byPosition(set, uri, position(resource))
                : FeedUris.request(set, uri, call.dialect(), keyCondition(compiler, set, resource));
        List<FeedColumn> read = compiler.columnsRead(feed);
        List<List<Object>> rows = feed.top() != null && feed.top() == 0 ? List.of()
                : call.rows(compiler.page(feed, 1), 1).rows();
        if (rows.isEmpty()) {
            throw new ODataApplicationException("no entity " + request.getRawODataPath().substring(1)
                    + " in this feed", HttpStatusCode.NOT_FOUND.getStatusCode(), Locale.ROOT,
                    ErrorCode.NOT_FOUND.name());
        }
        Entity entity = FeedEntities.entity(set, read, rows.get(0), feed.skip() + 1);
        entity.setId(URI.create(call.serviceRoot() + request.getRawODataPath()));
        ContextURL context = context(edmSet, uri).suffix(ContextURL.Suffix.ENTITY).build();
        var options = EntitySerializerOptions.with().contextURL(context).select(uri.getSelectOption()).build();
        var serialized = odata.createSerializer(format).entity(metadata, edmSet.getEntityType(), entity, options);
        call.audit().delivered(set, read, 1);
        ok(response, serialized.getContent(), format);
    }

    /** The key of the URL, each value as Olingo checked it against the property's type, unquoted. */
    private static Map<FeedColumn, String> key(FeedSet set, UriResourceEntitySet resource)
            throws ODataApplicationException {
        var key = new LinkedHashMap<FeedColumn, String>();
        for (UriParameter p : resource.getKeyPredicates()) {
            FeedColumn column = set.column(p.getName()).orElseThrow(() -> badKey(p.getName()));
            EdmProperty property = resource.getEntityType().getStructuralProperty(p.getName());
            try {
                key.put(column, ((EdmPrimitiveType) property.getType()).fromUriLiteral(p.getText()));
            } catch (EdmPrimitiveTypeException | ClassCastException e) {
                throw badKey(p.getName());
            }
        }
        if (key.size() != set.keys().size()) {
            throw badKey(String.join(",", set.keys()));
        }
        return key;
    }

    private static FeedSql keyCondition(FeedSqlCompiler compiler, FeedSet set, UriResourceEntitySet resource)
            throws ODataApplicationException {
        Map<FeedColumn, String> key = key(set, resource);
        try {
            return compiler.keyCondition(set, key);
        } catch (RuntimeException e) {
            throw badKey(String.join(",", set.keys()));
        }
    }

    /** A saved question's row by its position; 0 for a position no result has (absent, not an error). */
    private static long position(UriResourceEntitySet resource) throws ODataApplicationException {
        List<UriParameter> key = resource.getKeyPredicates();
        if (key.size() != 1 || !FeedSet.ROW_KEY.equals(key.get(0).getName())) {
            throw badKey(FeedSet.ROW_KEY);
        }
        try {
            long position = Long.parseLong(key.get(0).getText());
            return position < 1 || position > PageToken.MAX_DELIVERED ? 0 : position;
        } catch (NumberFormatException e) {
            throw badKey(FeedSet.ROW_KEY);
        }
    }

    private FeedRequest byPosition(FeedSet set, UriInfo uri, long position) throws ODataApplicationException {
        FeedRequest all = FeedUris.request(set, uri, call.dialect(), null);
        return new FeedRequest(set, all.selected(), null, List.of(), Math.max(0, position - 1),
                position == 0 ? 0L : 1L, PageToken.FIRST);
    }

    private static ODataApplicationException badKey(String property) {
        return new ODataApplicationException("the key " + property + " is not a valid key of this entity set",
                HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, ErrorCode.BAD_REQUEST.name());
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
                             ContentType responseFormat) throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
                             ContentType responseFormat) throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri)
            throws ODataApplicationException {
        throw readOnly();
    }

    private static ODataApplicationException readOnly() {
        return new ODataApplicationException("the feed is read-only", HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(),
                Locale.ROOT, "METHOD_NOT_ALLOWED");
    }
}
