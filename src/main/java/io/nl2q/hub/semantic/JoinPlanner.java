package io.nl2q.hub.semantic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins only along declared relationships, and only from the many side to the one side: starting at a fact table,
 * every join keeps one row per fact row, so sums stay exact. A table reachable only the other way round would repeat
 * fact rows (fan-out) and is refused.
 */
final class JoinPlanner {
    private final SemanticModel model;

    JoinPlanner(SemanticModel model) {
        this.model = model;
    }

    /** One join step: from an already joined table to the next one over a relationship. */
    record Step(Relationship via, String from, String to) {
    }

    boolean reaches(String base, String table) {
        return paths(base).containsKey(table);
    }

    /** The joins from {@code base} to every needed table, shortest paths first, each table joined once. */
    List<Step> plan(String base, Set<String> needed) {
        Map<String, List<Step>> paths = paths(base);
        Set<Step> steps = new LinkedHashSet<>();
        for (String table : needed) {
            if (table.equals(base)) {
                continue;
            }
            List<Step> path = paths.get(table);
            if (path == null) {
                throw new Unanswerable(fansOut(base, table)
                        ? "Combining " + base + " with " + table + " would count " + base
                        + " rows more than once (a one-to-many join), so I will not aggregate across them."
                        : "The model declares no relationship that connects " + base + " and " + table + ".");
            }
            steps.addAll(path);
        }
        return new ArrayList<>(steps);
    }

    private Map<String, List<Step>> paths(String base) {
        Map<String, List<Step>> paths = new HashMap<>();
        paths.put(base, List.of());
        Deque<String> queue = new ArrayDeque<>(List.of(base));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (Relationship r : model.relationships()) {
                String next = r.leftTable().equals(at) ? r.rightTable()
                        : r.rightTable().equals(at) && r.relationshipType().equals("one_to_one") ? r.leftTable() : null;
                if (next != null && !paths.containsKey(next)) {
                    List<Step> path = new ArrayList<>(paths.get(at));
                    path.add(new Step(r, at, next));
                    paths.put(next, List.copyOf(path));
                    queue.add(next);
                }
            }
        }
        return paths;
    }

    private boolean fansOut(String base, String table) {
        return model.relationships().stream().anyMatch(r -> r.rightTable().equals(base) || r.leftTable().equals(table));
    }
}
