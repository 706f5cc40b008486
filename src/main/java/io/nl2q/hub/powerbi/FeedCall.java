package io.nl2q.hub.powerbi;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.SqlDialect;
import java.util.Locale;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;

/**
 * One request to the feed as its processors see it: the caller and the feed model it may read, where the feed's
 * absolute links start, and the audit record the SQL it runs is noted in.
 *
 * @param serviceRoot the feed's absolute URL without a trailing slash (see {@link FeedLinks})
 */
record FeedCall(FeedModel model, Caller caller, FeedQueries queries, FeedAudit audit, String serviceRoot,
                int pageSize) {

    SqlDialect dialect() {
        return queries.dialect(caller);
    }

    FeedSet set(EdmEntitySet edmSet) throws ODataApplicationException {
        return model.set(edmSet.getName()).orElseThrow(() -> new ODataApplicationException(
                "no entity set " + edmSet.getName(), HttpStatusCode.NOT_FOUND.getStatusCode(), Locale.ROOT,
                ErrorCode.NOT_FOUND.name()));
    }

    /**
     * Runs compiled SQL through the guard on the caller's warehouse. Hub failures become OData errors with the hub's
     * status and code (400 SQL_REJECTED, 503, 504, ...); the warehouse's own wording never reaches the client, since
     * the statement is the feed's, not the caller's.
     */
    QueryResult rows(FeedSql sql, int maxRows) throws ODataApplicationException {
        audit.ran(sql.text());
        try {
            return queries.rows(caller, sql, maxRows);
        } catch (HubException e) {
            String message = e.code() == ErrorCode.INVALID_QUERY
                    ? "the warehouse cannot evaluate this request: a value is out of range or of the wrong type "
                    + "for its property" : e.getMessage();
            throw new ODataApplicationException(message, e.code().httpStatus(), Locale.ROOT, e.code().name());
        }
    }
}
