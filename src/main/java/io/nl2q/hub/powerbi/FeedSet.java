package io.nl2q.hub.powerbi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity set of a tenant's feed: a warehouse table, or a saved question whose SQL becomes a CTE. {@code keys} are
 * the columns that identify a row (the table's primary key); empty for saved questions and unknown tables, which
 * then carry the synthetic key {@link #ROW_KEY}, the row's position in the result.
 *
 * @param source the table name (lower case) or, for a saved question, its SQL before the guard
 */
record FeedSet(String name, Kind kind, String source, List<FeedColumn> columns, List<String> keys) {
    static final String ROW_KEY = "_row";

    enum Kind { TABLE, SAVED_QUESTION }

    FeedSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }

    Optional<FeedColumn> column(String property) {
        return columns.stream().filter(c -> c.property().equals(property)).findFirst();
    }

    boolean syntheticKey() {
        return keys.isEmpty();
    }
}
