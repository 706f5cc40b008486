package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the plain-English account of a query: measure, filters, period with dates, grouping, ordering. */
final class Explanation {
    private String measure = "";
    private final List<String> filters = new ArrayList<>();
    private String period;
    private String grouping;
    private String order;

    void measure(List<Field> metrics, String how) {
        String m = metrics.stream().map(f -> f.name() + " = " + f.expr() + " over " + f.table())
                .collect(Collectors.joining("; "));
        measure = how == null ? m : how + ", of " + m;
    }

    void measureText(String text) {
        measure = text;
    }

    void filter(String f) {
        filters.add(f);
    }

    void period(String p) {
        period = p;
    }

    void grouping(List<String> g) {
        grouping = String.join(", ", g);
    }

    void order(String o) {
        order = o;
    }

    /** The ordering sentence alone, for answers composed of parts. */
    String orderText() {
        return order == null ? "" : Character.toUpperCase(order.charAt(0)) + order.substring(1) + ".";
    }

    String text() {
        StringBuilder s = new StringBuilder("Computed ").append(measure).append('.');
        s.append(filters.isEmpty() ? " No filters." : " Filters: " + String.join("; ", filters) + ".");
        s.append(period == null ? " Period: all data." : " Period: " + period + ".");
        if (grouping != null) {
            s.append(" Grouped by ").append(grouping).append('.');
        }
        if (order != null) {
            s.append(' ').append(Character.toUpperCase(order.charAt(0))).append(order.substring(1)).append('.');
        }
        return s.toString();
    }
}
