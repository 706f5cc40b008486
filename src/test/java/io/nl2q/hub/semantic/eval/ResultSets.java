package io.nl2q.hub.semantic.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Execution-accuracy comparison: rows as multisets of normalized values (column names and order do not matter,
 * numbers to 6 decimals, dates as ISO text); the rows themselves in order only when the question asks for an order.
 */
final class ResultSets {
    private ResultSets() {
    }

    static boolean same(List<List<Object>> gold, List<List<Object>> actual, boolean ordered) {
        List<String> g = normalize(gold);
        List<String> a = normalize(actual);
        if (!ordered) {
            Collections.sort(g);
            Collections.sort(a);
        }
        return g.equals(a);
    }

    /**
     * Comparison by values alone, for sets written without the engine's column names: each gold column is mapped to a
     * different answer column (an injective mapping; the answer may carry more columns, such as an id beside a name)
     * so that the answer's rows projected on the mapped columns equal the gold rows.
     */
    static boolean sameByValues(List<List<Object>> gold, List<List<Object>> actual, boolean ordered) {
        if (gold.size() != actual.size()) {
            return false;
        }
        if (gold.isEmpty()) {
            return true;
        }
        int gc = gold.get(0).size();
        int ac = actual.get(0).size();
        if (gc > ac) {
            return false;
        }
        List<List<Integer>> candidates = new ArrayList<>();
        List<List<Object>> goldRanked = ranked(gold);
        List<List<Object>> actualRanked = ranked(actual);
        for (int g = 0; g < gc; g++) {
            List<String> gv = column(gold, g);
            List<Integer> fits = new ArrayList<>();
            for (int a = 0; a < ac; a++) {
                if (column(actual, a).equals(gv)) {
                    fits.add(a);
                }
            }
            for (int a = 0; a < ac; a++) {
                // a period label written another way (2025-01-01, 2025, 1, 'Q1 2025'): same order, one to one
                if (!fits.contains(a) && isLabel(actual, a) && column(actualRanked, a).equals(column(goldRanked, g))) {
                    fits.add(ac + a);
                }
            }
            if (fits.isEmpty()) {
                return false;
            }
            candidates.add(fits);
        }
        return assign(0, new int[gc], new boolean[ac], candidates, gold, actual, ordered);
    }

    private static boolean assign(int g, int[] map, boolean[] taken, List<List<Integer>> candidates,
                                  List<List<Object>> gold, List<List<Object>> actual, boolean ordered) {
        if (g == map.length) {
            int ac = actual.get(0).size();
            List<List<Object>> goldRanked = ranked(gold);
            List<List<Object>> actualRanked = ranked(actual);
            List<List<Object>> projected = new ArrayList<>();
            List<List<Object>> expected = new ArrayList<>();
            for (int r = 0; r < actual.size(); r++) {
                List<Object> p = new ArrayList<>();
                List<Object> e = new ArrayList<>();
                for (int c = 0; c < map.length; c++) {
                    boolean label = map[c] >= ac;
                    p.add(label ? actualRanked.get(r).get(map[c] - ac) : actual.get(r).get(map[c]));
                    e.add(label ? goldRanked.get(r).get(c) : gold.get(r).get(c));
                }
                projected.add(p);
                expected.add(e);
            }
            if (!ordered || rows(expected, true).equals(rows(projected, true))) {
                return rows(expected, ordered).equals(rows(projected, ordered));
            }
            return sameUpToTies(expected, projected);
        }
        int ac = actual.get(0).size();
        for (int a : candidates.get(g)) {
            int column = a % ac;
            if (!taken[column]) {
                taken[column] = true;
                map[g] = a;
                if (assign(g + 1, map, taken, candidates, gold, actual, ordered)) {
                    return true;
                }
                taken[column] = false;
            }
        }
        return false;
    }

    /**
     * An order is right up to ties: the same rows, in an order that gives the gold's sort column (a numeric or date
     * column whose values the gold lists in order, with at least two of them) the same sequence of values. Rows tied
     * on it ("45 calls" twice) may come in either order, since the question does not say how to break ties.
     */
    private static boolean sameUpToTies(List<List<Object>> expected, List<List<Object>> projected) {
        if (!rows(expected, false).equals(rows(projected, false))) {
            return false;
        }
        for (int c = 0; c < expected.get(0).size(); c++) {
            final int col = c;
            List<Object> key = expected.stream().map(r -> r.get(col)).toList();
            boolean sortable = key.stream().allMatch(v -> v instanceof Number || v instanceof java.util.Date
                    || v instanceof java.time.temporal.Temporal) && key.stream().distinct().count() >= 2;
            if (sortable && monotonic(key) && column(expected, col, false).equals(column(projected, col, false))) {
                return true;
            }
        }
        return false;
    }

    private static boolean monotonic(List<Object> values) {
        int direction = 0;
        for (int i = 1; i < values.size(); i++) {
            int cmp = Integer.signum(compare(values.get(i - 1), values.get(i)));
            if (cmp != 0 && direction != 0 && cmp != direction) {
                return false;
            }
            direction = cmp == 0 ? direction : cmp;
        }
        return true;
    }

    private static List<String> column(List<List<Object>> rows, int c, boolean sorted) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(value(r.get(c))));
        if (sorted) {
            Collections.sort(out);
        }
        return out;
    }

    /** Dates and text: the columns a period may be labelled by. */
    private static boolean isLabel(List<List<Object>> rows, int c) {
        return rows.stream().map(r -> r.get(c)).allMatch(v -> v instanceof java.util.Date
                || v instanceof java.time.temporal.Temporal || v instanceof String);
    }

    /** Each value replaced by its rank among the column's distinct values (dates, numbers, text in their order). */
    private static List<List<Object>> ranked(List<List<Object>> rows) {
        int n = rows.get(0).size();
        List<List<Object>> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ArrayList<>(r)));
        for (int c = 0; c < n; c++) {
            final int col = c;
            java.util.TreeSet<Object> distinct = new java.util.TreeSet<>(ResultSets::compare);
            rows.forEach(r -> distinct.add(r.get(col) == null ? "" : r.get(col)));
            List<Object> order = new ArrayList<>(distinct);
            for (List<Object> r : out) {
                r.set(c, order.indexOf(r.get(c) == null ? "" : r.get(c)));
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    /** Rows with their values in column order (the mapping fixed the order), sorted unless ordered. */
    private static List<String> rows(List<List<Object>> rows, boolean ordered) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(value(v)));
            out.add(String.join("\u0001", values));
        }
        if (!ordered) {
            Collections.sort(out);
        }
        return out;
    }

    private static List<String> column(List<List<Object>> rows, int c) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(value(r.get(c))));
        Collections.sort(out);
        return out;
    }

    private static List<String> normalize(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(value(v)));
            Collections.sort(values);
            out.add(String.join("\u0001", values));
        }
        return out;
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
            return d.compareTo(BigDecimal.ZERO) == 0 ? "0" : d.toPlainString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }
}
