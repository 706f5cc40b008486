package io.nl2q.hub.semantic;

import java.util.List;

/**
 * A declared join. Only {@code many_to_one} and {@code one_to_one} are accepted: the left table is the many side,
 * so walking left to right never multiplies rows, and walking right to left would (see {@link JoinPlanner}).
 */
record Relationship(String name, String leftTable, String rightTable, List<ColumnPair> columns, String joinType,
                    String relationshipType) {

    record ColumnPair(String left, String right) {
    }

    Relationship {
        columns = List.copyOf(columns);
    }
}
