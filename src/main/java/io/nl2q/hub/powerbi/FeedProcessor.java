package io.nl2q.hub.powerbi;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;

/**
 * Answers reads of entity sets and their {@code $count}: the URL, as Olingo parsed it, becomes a {@link FeedRequest},
 * compiled to SQL, guarded, run on the tenant's warehouse, and serialized with its next link.
 */
final class FeedProcessor implements CountEntityCollectionProcessor {
    private final FeedModel model;
    private final Caller caller;
    private final FeedQueries queries;
    private final int pageSize;
    private OData odata;
    private ServiceMetadata metadata;

    FeedProcessor(FeedModel model, Caller caller, FeedQueries queries, int pageSize) {
        this.model = model;
        this.caller = caller;
        this.queries = queries;
        this.pageSize = pageSize;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet edmSet = entitySet(uri);
        FeedSet set = model.set(edmSet.getName()).orElseThrow(() -> notFound(edmSet.getName()));
        FeedRequest feed = request(set, uri, queries.dialect(caller));
        FeedSqlCompiler compiler = new FeedSqlCompiler(queries.dialect(caller));
        long limit = Math.min(pageSize, feed.remaining());
        List<FeedColumn> read = compiler.columnsRead(feed);
        List<List<Object>> rows = limit == 0 ? List.of()
                : run(() -> queries.rows(caller, compiler.page(feed, limit + 1), (int) limit + 1).rows());
        boolean more = rows.size() > limit;
        List<List<Object>> page = more ? rows.subList(0, (int) limit) : rows;
        more = more && limit < feed.remaining(); // $top reached: no next page, though the table has more rows

        EntityCollection collection = new EntityCollection();
        long position = feed.skip() + feed.token().delivered();
        for (List<Object> row : page) {
            collection.getEntities().add(entity(set, read, row, ++position));
        }
        if (uri.getCountOption() != null && uri.getCountOption().getValue()) {
            collection.setCount((int) Math.min(Integer.MAX_VALUE, count(feed, compiler)));
        }
        if (more) {
            List<String> lastKey = feed.keyset() ? keyOf(set, read, page.get(page.size() - 1)) : List.of();
            PageToken next = new PageToken(feed.token().delivered() + page.size(), lastKey);
            collection.setNext(URI.create(nextLink(request, next)));
        }
        ContextURL context = ContextURL.with().entitySet(edmSet)
                .selectList(odata.createUriHelper().buildContextURLSelectList(edmSet.getEntityType(), null,
                        uri.getSelectOption()))
                .serviceRoot(URI.create(request.getRawBaseUri() + "/")).build();
        var options = EntityCollectionSerializerOptions.with().contextURL(context).select(uri.getSelectOption())
                .count(uri.getCountOption()).id(request.getRawBaseUri() + "/" + edmSet.getName()).build();
        var serialized = odata.createSerializer(format)
                .entityCollection(metadata, edmSet.getEntityType(), collection, options);
        response.setContent(serialized.getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet edmSet = entitySet(uri);
        FeedSet set = model.set(edmSet.getName()).orElseThrow(() -> notFound(edmSet.getName()));
        FeedRequest feed = request(set, uri, queries.dialect(caller));
        long n = count(feed, new FeedSqlCompiler(queries.dialect(caller)));
        response.setContent(new java.io.ByteArrayInputStream(Long.toString(n).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    private long count(FeedRequest feed, FeedSqlCompiler compiler) throws ODataApplicationException {
        QueryResult r = run(() -> queries.rows(caller, compiler.count(feed), 1));
        return ((Number) r.rows().get(0).get(0)).longValue();
    }

    private FeedRequest request(FeedSet set, UriInfo uri, io.nl2q.hub.warehouse.SqlDialect dialect)
            throws ODataApplicationException {
        List<FeedColumn> selected = new ArrayList<>();
        if (uri.getSelectOption() == null || uri.getSelectOption().getSelectItems().stream().anyMatch(SelectItem::isStar)) {
            selected.addAll(set.columns());
        } else {
            for (SelectItem item : uri.getSelectOption().getSelectItems()) {
                property(set, item.getResourcePath().getUriResourceParts()).ifPresent(selected::add);
            }
        }
        String filter = uri.getFilterOption() == null ? null
                : new FilterSql(set, dialect).condition(uri.getFilterOption().getExpression());
        var order = new ArrayList<FeedRequest.Order>();
        if (uri.getOrderByOption() != null) {
            for (OrderByItem item : uri.getOrderByOption().getOrders()) {
                if (!(item.getExpression() instanceof Member member)) {
                    throw new ODataApplicationException("$orderby supports properties only",
                            HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
                }
                FeedColumn column = property(set, member.getResourcePath().getUriResourceParts()).orElseThrow(() ->
                        new ODataApplicationException("$orderby supports properties only",
                                HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT));
                order.add(new FeedRequest.Order(column, item.isDescending()));
            }
        }
        long skip = uri.getSkipOption() == null ? 0 : uri.getSkipOption().getValue();
        Long top = uri.getTopOption() == null ? null : (long) uri.getTopOption().getValue();
        PageToken token = uri.getSkipTokenOption() == null ? PageToken.FIRST
                : PageToken.decode(uri.getSkipTokenOption().getValue()).orElseThrow(FeedSqlCompiler::badToken);
        return new FeedRequest(set, selected, filter, order, skip, top, token);
    }

    /** A property of the set, or empty for the synthetic row key (always computed, never read). */
    private static java.util.Optional<FeedColumn> property(FeedSet set, List<UriResource> parts)
            throws ODataApplicationException {
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty p)) {
            throw new ODataApplicationException("only properties of the entity set can be selected or ordered by",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        if (FeedSet.ROW_KEY.equals(p.getProperty().getName()) && set.syntheticKey()) {
            return java.util.Optional.empty();
        }
        return set.column(p.getProperty().getName());
    }

    private static Entity entity(FeedSet set, List<FeedColumn> read, List<Object> row, long position) {
        Entity entity = new Entity();
        if (set.syntheticKey()) {
            entity.addProperty(new Property(null, FeedSet.ROW_KEY, ValueType.PRIMITIVE, position));
        }
        for (int i = 0; i < read.size(); i++) {
            entity.addProperty(new Property(null, read.get(i).property(), ValueType.PRIMITIVE,
                    value(read.get(i), row.get(i))));
        }
        return entity;
    }

    /** A warehouse value (see ResultRows) as the Java type Olingo serializes for the column's OData type. */
    static Object value(FeedColumn column, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case Int64 -> raw instanceof BigInteger b ? b.longValue() : ((Number) raw).longValue();
            case Decimal -> raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
            case Double -> ((Number) raw).doubleValue();
            case Date -> LocalDate.parse(raw.toString());
            case DateTimeOffset -> java.sql.Timestamp.from(LocalDateTime.parse(raw.toString()).toInstant(ZoneOffset.UTC));
            case Boolean -> raw;
            default -> raw.toString();
        };
    }

    private static List<String> keyOf(FeedSet set, List<FeedColumn> read, List<Object> row) {
        var key = new ArrayList<String>();
        for (String k : set.keys()) {
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i).sqlLabel().equals(k)) {
                    key.add(String.valueOf(row.get(i)));
                }
            }
        }
        return key;
    }

    /** The request's own URL with the new {@code $skiptoken} in place of any earlier one. */
    private static String nextLink(ODataRequest request, PageToken next) {
        var params = new ArrayList<String>();
        String query = request.getRawQueryPath();
        if (query != null && !query.isEmpty()) {
            for (String p : query.split("&")) {
                if (!p.isEmpty() && !p.startsWith("$skiptoken=") && !p.startsWith("%24skiptoken=")) {
                    params.add(p);
                }
            }
        }
        params.add("$skiptoken=" + next.encode());
        return request.getRawBaseUri() + request.getRawODataPath() + "?" + String.join("&", params);
    }

    private static EdmEntitySet entitySet(UriInfo uri) throws ODataApplicationException {
        List<UriResource> parts = uri.getUriResourceParts();
        boolean countPath = parts.size() == 2 && parts.get(1) instanceof org.apache.olingo.server.api.uri.UriResourceCount;
        if (!(parts.size() == 1 || countPath) || !(parts.get(0) instanceof UriResourceEntitySet set)) {
            throw new ODataApplicationException("only entity sets can be read", 
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        return set.getEntitySet();
    }

    private static ODataApplicationException notFound(String name) {
        return new ODataApplicationException("no entity set " + name, HttpStatusCode.NOT_FOUND.getStatusCode(),
                Locale.ROOT);
    }

    interface Work<T> {
        T get() throws ODataApplicationException;
    }

    /** Hub failures as OData errors with the hub's status and code (400 SQL_REJECTED, 503, 504, ...). */
    private static <T> T run(Work<T> work) throws ODataApplicationException {
        try {
            return work.get();
        } catch (HubException e) {
            throw new ODataApplicationException(e.getMessage(), e.code().httpStatus(), Locale.ROOT,
                    e.code().name());
        }
    }
}
