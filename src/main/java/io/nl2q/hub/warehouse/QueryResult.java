package io.nl2q.hub.warehouse;

import java.util.List;

/** Rows of one answering query, at most the row cap; {@code truncated} when the query had more. */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, boolean truncated) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A result column: its label and a portable type name (string, integer, decimal, date, boolean, ...). */
    public record ResultColumn(String name, String type) {
    }
}
