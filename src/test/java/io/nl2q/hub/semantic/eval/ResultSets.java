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
        for (int g = 0; g < gc; g++) {
            List<String> gv = column(gold, g);
            List<Integer> fits = new ArrayList<>();
            for (int a = 0; a < ac; a++) {
                if (column(actual, a).equals(gv)) {
                    fits.add(a);
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
            List<List<Object>> projected = new ArrayList<>();
            for (List<Object> row : actual) {
                List<Object> p = new ArrayList<>();
                for (int m : map) {
                    p.add(row.get(m));
                }
                projected.add(p);
            }
            return rows(gold, ordered).equals(rows(projected, ordered));
        }
        for (int a : candidates.get(g)) {
            if (!taken[a]) {
                taken[a] = true;
                map[g] = a;
                if (assign(g + 1, map, taken, candidates, gold, actual, ordered)) {
                    return true;
                }
                taken[a] = false;
            }
        }
        return false;
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
