package io.nl2q.hub.powerbi;

import java.util.List;
import java.util.Objects;

/**
 * One read of an entity set as the URL asked for it, after Olingo parsed and checked it against the caller's CSDL.
 *
 * @param filter  the SQL condition translated from {@code $filter} (and the key of a read by key), or null
 * @param top     {@code $top}, or null for all rows
 */
record FeedRequest(FeedSet set, List<FeedColumn> selected, FeedSql filter, List<Order> orderBy, long skip, Long top,
                   PageToken token) {
    FeedRequest {
        Objects.requireNonNull(set, "set");
        selected = List.copyOf(selected);
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(token, "token");
    }

    record Order(FeedColumn column, boolean descending) {
    }

    /** Keyset paging (fast on big tables) when the order is the table's key; otherwise offsets. */
    boolean keyset() {
        return orderBy.isEmpty() && !set.keys().isEmpty();
    }

    /** Rows still to deliver under {@code $top}. */
    long remaining() {
        return top == null ? Long.MAX_VALUE : Math.max(0, top - token.delivered());
    }
}
