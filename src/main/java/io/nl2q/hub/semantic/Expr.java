package io.nl2q.hub.semantic;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column references of a model expression. Expressions are written over their own table's columns, unqualified,
 * as in Cortex Analyst; the compiler qualifies them with the table's alias in the query.
 */
final class Expr {
    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("case", "when", "then", "else", "end", "distinct", "and", "or",
            "not", "null", "is", "in", "as", "true", "false", "between", "like", "cast", "date", "integer", "varchar",
            "decimal", "double", "numeric", "boolean", "interval");
    static final Pattern BARE_COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    private Expr() {
    }

    static Set<String> columns(String expr) {
        Set<String> columns = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(expr);
        while (m.find()) {
            String token = m.group();
            if (!token.startsWith("'") && m.group(1) == null && !KEYWORDS.contains(token.toLowerCase(java.util.Locale.ROOT))) {
                columns.add(token.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return columns;
    }

    /** The expression with every column reference prefixed by {@code alias.}; literals and functions untouched. */
    static String qualify(String expr, String alias) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(expr);
        int last = 0;
        while (m.find()) {
            out.append(expr, last, m.start());
            String token = m.group();
            boolean column = !token.startsWith("'") && m.group(1) == null
                    && !KEYWORDS.contains(token.toLowerCase(java.util.Locale.ROOT));
            out.append(column ? alias + "." + token : token);
            last = m.end();
        }
        return out.append(expr.substring(last)).toString();
    }
}
