package io.nl2q.hub.guard;

import java.util.Set;

/**
 * A statement that passed the guard: rewritten so every table is qualified with the tenant schema and a row limit
 * is present. {@code tables} are the tenant tables it reads; {@code rowLimit} the limit it now carries.
 */
public record GuardedSql(String sql, Set<String> tables, int rowLimit) {
    public GuardedSql {
        tables = Set.copyOf(tables);
    }
}
