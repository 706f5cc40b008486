package io.nl2q.hub.powerbi;

import io.nl2q.hub.warehouse.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceCount;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;

/** Turns a URL, as Olingo parsed it against the caller's CSDL, into a {@link FeedRequest}. */
final class FeedUris {
    private FeedUris() {
    }

    /** The entity set a URL reads: {@code set}, {@code set/$count} or {@code set(key)}; anything longer is a 501. */
    static UriResourceEntitySet entitySet(UriInfo uri) throws ODataApplicationException {
        List<UriResource> parts = uri.getUriResourceParts();
        boolean countPath = parts.size() == 2 && parts.get(1) instanceof UriResourceCount;
        if (parts.isEmpty() || !(parts.size() == 1 || countPath) || !(parts.get(0) instanceof UriResourceEntitySet set)) {
            throw notImplemented("only entity sets, their $count and single entities by key can be read");
        }
        return set;
    }

    static FeedRequest request(FeedSet set, UriInfo uri, SqlDialect dialect, FeedSql keyCondition)
            throws ODataApplicationException {
        List<FeedColumn> selected = new ArrayList<>();
        if (uri.getSelectOption() == null || uri.getSelectOption().getSelectItems().stream().anyMatch(SelectItem::isStar)) {
            selected.addAll(set.columns());
        } else {
            for (SelectItem item : uri.getSelectOption().getSelectItems()) {
                property(set, item.getResourcePath().getUriResourceParts()).ifPresent(selected::add);
            }
        }
        FeedSql filter = uri.getFilterOption() == null ? null
                : new FilterSql(set, dialect).condition(uri.getFilterOption().getExpression());
        if (keyCondition != null) {
            filter = filter == null ? keyCondition : FeedSql.concat("(", filter, " AND ", keyCondition, ")");
        }
        var order = new ArrayList<FeedRequest.Order>();
        if (uri.getOrderByOption() != null) {
            for (OrderByItem item : uri.getOrderByOption().getOrders()) {
                if (!(item.getExpression() instanceof Member member)) {
                    throw notImplemented("$orderby supports properties only");
                }
                FeedColumn column = property(set, member.getResourcePath().getUriResourceParts())
                        .orElseThrow(() -> notImplemented("$orderby supports properties only"));
                order.add(new FeedRequest.Order(column, item.isDescending()));
            }
        }
        long skip = uri.getSkipOption() == null ? 0 : uri.getSkipOption().getValue();
        Long top = uri.getTopOption() == null ? null : (long) uri.getTopOption().getValue();
        PageToken token = uri.getSkipTokenOption() == null ? PageToken.FIRST
                : PageToken.decode(uri.getSkipTokenOption().getValue(), readIdentity(set, uri))
                .orElseThrow(FeedSqlCompiler::badToken);
        return new FeedRequest(set, selected, filter, order, skip, top, token);
    }

    /** What a page token is bound to: the set and every option that shapes the result, as the client wrote them. */
    static String readIdentity(FeedSet set, UriInfo uri) {
        return String.join("\u0000", set.name(), text(uri.getFilterOption()), text(uri.getOrderByOption()),
                text(uri.getSelectOption()), text(uri.getSkipOption()), text(uri.getTopOption()));
    }

    private static String text(SystemQueryOption option) {
        return option == null || option.getText() == null ? "" : option.getText();
    }

    /** A property of the set, or empty for the synthetic row key (always computed, never read). */
    private static Optional<FeedColumn> property(FeedSet set, List<UriResource> parts)
            throws ODataApplicationException {
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty p)) {
            throw notImplemented("only properties of the entity set can be selected or ordered by");
        }
        if (FeedSet.ROW_KEY.equals(p.getProperty().getName()) && set.syntheticKey()) {
            return Optional.empty();
        }
        return set.column(p.getProperty().getName());
    }

    static ODataApplicationException notImplemented(String message) {
        return new ODataApplicationException(message, HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT,
                "NOT_IMPLEMENTED");
    }
}
