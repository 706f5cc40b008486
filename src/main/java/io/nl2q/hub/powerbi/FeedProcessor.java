package io.nl2q.hub.powerbi;

import io.nl2q.hub.warehouse.QueryResult;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;

/**
 * Answers reads of entity sets and their {@code $count}: the URL, as Olingo parsed it, becomes a {@link FeedRequest},
 * compiled to SQL, guarded, run on the tenant's warehouse, and serialized with its next link.
 */
final class FeedProcessor extends FeedReadProcessor implements CountEntityCollectionProcessor {

    FeedProcessor(FeedCall call) {
        super(call);
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet edmSet = FeedUris.entitySet(uri).getEntitySet();
        FeedSet set = call.set(edmSet);
        FeedRequest feed = FeedUris.request(set, uri, call.dialect(), null);
        FeedSqlCompiler compiler = new FeedSqlCompiler(call.dialect());
        long limit = Math.min(call.pageSize(), feed.remaining());
        List<FeedColumn> read = compiler.columnsRead(feed);
        List<List<Object>> rows = limit == 0 ? List.of()
                : call.rows(compiler.page(feed, limit + 1), (int) limit + 1).rows();
        boolean more = rows.size() > limit;
        List<List<Object>> page = more ? rows.subList(0, (int) limit) : rows;
        more = more && limit < feed.remaining(); // $top reached: no next page, though the table has more rows

        EntityCollection collection = new EntityCollection();
        long position = feed.skip() + feed.token().delivered();
        for (List<Object> row : page) {
            collection.getEntities().add(FeedEntities.entity(set, read, row, ++position));
        }
        if (uri.getCountOption() != null && uri.getCountOption().getValue()) {
            collection.setCount((int) Math.min(Integer.MAX_VALUE, count(feed, compiler)));
        }
        if (more) {
            List<String> lastKey = feed.keyset() ? FeedEntities.keyOf(set, read, page.get(page.size() - 1)) : List.of();
            PageToken next = new PageToken(feed.token().delivered() + page.size(), lastKey);
            collection.setNext(URI.create(nextLink(request, next.encode(FeedUris.readIdentity(set, uri)))));
        }
        ContextURL context = context(edmSet, uri).build();
        var options = EntityCollectionSerializerOptions.with().contextURL(context).select(uri.getSelectOption())
                .count(uri.getCountOption()).id(call.serviceRoot() + "/" + edmSet.getName()).build();
        var serialized = odata.createSerializer(format)
                .entityCollection(metadata, edmSet.getEntityType(), collection, options);
        call.audit().delivered(set, read, page.size());
        ok(response, serialized.getContent(), format);
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri)
            throws ODataApplicationException, ODataLibraryException {
        FeedSet set = call.set(FeedUris.entitySet(uri).getEntitySet());
        FeedRequest feed = FeedUris.request(set, uri, call.dialect(), null);
        long n = count(feed, new FeedSqlCompiler(call.dialect()));
        call.audit().counted(n);
        ok(response, new ByteArrayInputStream(Long.toString(n).getBytes(StandardCharsets.UTF_8)),
                ContentType.TEXT_PLAIN);
    }

    private long count(FeedRequest feed, FeedSqlCompiler compiler) throws ODataApplicationException {
        QueryResult r = call.rows(compiler.count(feed), 1);
        return ((Number) r.rows().get(0).get(0)).longValue();
    }

    /** The feed's own URL for this read with the new {@code $skiptoken} in place of any earlier one. */
    private String nextLink(ODataRequest request, String token) {
        var params = new ArrayList<String>();
        String query = request.getRawQueryPath();
        if (query != null && !query.isEmpty()) {
            for (String p : query.split("&")) {
                if (!p.isEmpty() && !p.startsWith("$skiptoken=") && !p.startsWith("%24skiptoken=")) {
                    params.add(p);
                }
            }
        }
        params.add("$skiptoken=" + token);
        return call.serviceRoot() + request.getRawODataPath() + "?" + String.join("&", params);
    }
}
