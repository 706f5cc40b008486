package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.List;

/** The output columns of a grouping: expressions with their names, and what an explanation calls them. */
final class Selection {
    final List<String> exprs = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<String> described = new ArrayList<>();
    /** Names of columns that only label another one (a quarter's year and number beside its first day). */
    final java.util.Set<String> labels = new java.util.HashSet<>();

    /** Groups by a table's key and label (two HCPs may share a name), or by a dimension's expression. */
    static Selection of(List<Intent.Target> targets, SemanticModel model, Sql sql) {
        Selection s = new Selection();
        for (Intent.Target t : targets) {
            if (t.field() == null) {
                ModelTable table = t.table();
                List<String> cols = new ArrayList<>();
                for (String key : table.primaryKey()) {
                    s.add(sql.column(table, key), key);
                    cols.add(key);
                }
                table.label().filter(l -> !table.primaryKey().contains(l.expr())).ifPresent(l -> {
                    s.add(sql.column(l), l.name());
                    cols.add(l.name());
                });
                s.described.add(table.name() + " (" + String.join(", ", cols) + ")");
            } else {
                s.add(sql.column(t.field()), t.field().name());
                s.described.add(t.field().name());
            }
        }
        return s;
    }

    void add(String expr, String name) {
        if (!names.contains(name)) {
            exprs.add(expr);
            names.add(name);
        }
    }

    String select() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            out.add(exprs.get(i) + " AS " + names.get(i));
        }
        return String.join(", ", out);
    }

    /** The column a chart's x axis shows: the last named one (the label after its key). */
    String axis() {
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }
}
