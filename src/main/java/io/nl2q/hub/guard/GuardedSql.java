package io.nl2q.hub.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A statement that passed the guard: rewritten so every table is qualified with the tenant schema and a row limit
 * is present. {@code tables} are the tenant tables it reads; {@code rowLimit} the limit it now carries;
 * {@code parameters} the values bound, in order, to its {@code ?} placeholders when it runs.
 */
public record GuardedSql(String sql, Set<String> tables, int rowLimit, List<Object> parameters) {
    public GuardedSql {
        tables = Set.copyOf(tables);
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** A statement without placeholders. */
    public GuardedSql(String sql, Set<String> tables, int rowLimit) {
        this(sql, tables, rowLimit, List.of());
    }
}
