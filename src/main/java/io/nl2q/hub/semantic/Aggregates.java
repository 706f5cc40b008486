package io.nl2q.hub.semantic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a metric's aggregate so it counts only rows meeting a condition (one period of a growth question, the
 * subject of a share): {@code SUM(x)} becomes {@code SUM(CASE WHEN c THEN x END)}, likewise COUNT, COUNT(DISTINCT ...).
 */
final class Aggregates {
    private static final Pattern AGGREGATE = Pattern.compile("(?is)\\s*(SUM|COUNT|AVG|MIN|MAX)\\s*\\(\\s*(DISTINCT\\s+)?(.*)\\)\\s*");

    private Aggregates() {
    }

    static boolean isRewritable(String qualifiedExpr) {
        Matcher m = AGGREGATE.matcher(qualifiedExpr);
        return m.matches() && balanced(m.group(3));
    }

    static String when(String qualifiedExpr, String condition) {
        Matcher m = AGGREGATE.matcher(qualifiedExpr);
        if (!m.matches() || !balanced(m.group(3))) {
            throw new Unanswerable("The measure " + qualifiedExpr + " cannot be split by period or subject.");
        }
        String fn = m.group(1).toUpperCase(java.util.Locale.ROOT);
        String distinct = m.group(2) == null ? "" : "DISTINCT ";
        String inner = "CASE WHEN " + condition + " THEN " + m.group(3) + " END";
        String agg = fn + "(" + distinct + inner + ")";
        return fn.equals("SUM") || fn.equals("COUNT") ? "COALESCE(" + agg + ", 0)" : agg;
    }

    /** The argument must be one expression: SUM(a) + SUM(b) is not a single aggregate to rewrite. */
    private static boolean balanced(String inner) {
        int depth = 0;
        for (char c : inner.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
