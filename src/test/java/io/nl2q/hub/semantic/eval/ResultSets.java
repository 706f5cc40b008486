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
