package io.nl2q.hub.powerbi;

import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved question's rows for a push, read a batch at a time through the guard: the saved SQL as a CTE, ordered by
 * every column so that an offset denotes the same row on every read (as long as the data do not change between a
 * stop and the resume).
 */
final class SavedQuestionSource implements PushSource {
    private final Caller caller;
    private final String sql;
    private final FeedQueries queries;
    private List<PushColumn> columns;
    private List<String> labels;

    SavedQuestionSource(Caller caller, String sql, FeedQueries queries) {
        this.caller = caller;
        this.sql = sql;
        this.queries = queries;
    }

    /** The saved question's SQL as this push reads it (generated once, when the source was made). */
    String sql() {
        return sql;
    }

    @Override
    public List<PushColumn> columns() {
        if (columns == null) {
            QueryResult probe = queries.rows(caller, "WITH " + FeedCatalog.SAVED_CTE + " AS (" + sql + ") SELECT * FROM "
                    + FeedCatalog.SAVED_CTE, 1);
            var cols = new ArrayList<PushColumn>();
            var names = new ArrayList<String>();
            probe.columns().forEach(c -> {
                cols.add(PushColumn.of(c.name(), c.type()));
                names.add(c.name());
            });
            columns = List.copyOf(cols);
            labels = List.copyOf(names);
        }
        return columns;
    }

    @Override
    public List<List<Object>> read(long offset, int limit) {
        columns();
        var dialect = queries.dialect(caller);
        var order = new ArrayList<String>();
        labels.forEach(l -> order.add(dialect.quoteIdentifier(l)));
        String page = "WITH " + FeedCatalog.SAVED_CTE + " AS (" + sql + ") SELECT * FROM " + FeedCatalog.SAVED_CTE
                + " ORDER BY " + String.join(", ", order)
                + (dialect.rowLimitStyle() == io.nl2q.hub.warehouse.SqlDialect.RowLimitStyle.LIMIT
                ? " LIMIT " + limit + " OFFSET " + offset
                : " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY");
        return queries.rows(caller, page, limit).rows();
    }
}
