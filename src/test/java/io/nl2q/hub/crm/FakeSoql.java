package io.nl2q.hub.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOQL of the fake org: {@code SELECT a, b FROM X [WHERE ...] [ORDER BY ...]}, with a WHERE of AND, OR, NOT and
 * parentheses over {@code field op literal} ({@code = != < <= > >=}) and {@code field IN (...)}. Literals as SOQL
 * has them: 'strings', true/false, null, numbers and dateTimes in UTC, with or without milliseconds. Records are
 * returned ordered by SystemModstamp, then Id, as the hub asks. A query that names IsDeleted sees deleted records
 * (queryAll); others do not.
 */
final class FakeSoql {
    private static final Pattern SHAPE = Pattern.compile("SELECT (.+?) FROM (\\w+)(?: WHERE (.+?))?(?: ORDER BY .+)?$");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|,|!=|<=|>=|=|<|>|'(?:[^'\\\\]|\\\\.)*'"
            + "|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})|-?\\d+(?:\\.\\d+)?|\\w+)");

    private FakeSoql() {
    }

    /** A parsed query. */
    static final class Select {
        final List<String> fields;
        final String object;
        final Predicate<Map<String, Object>> where;

        private Select(List<String> fields, String object, Predicate<Map<String, Object>> where) {
            this.fields = fields;
            this.object = object;
            this.where = where;
        }

        static Select parse(String soql) {
            Matcher m = SHAPE.matcher(soql.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("unexpected SOQL: " + soql);
            }
            Predicate<Map<String, Object>> where = r -> true;
            boolean deletedAsked = false;
            if (m.group(3) != null) {
                Parser p = new Parser(tokens(m.group(3)));
                where = p.or();
                if (p.pos != p.tokens.size()) {
                    throw new IllegalArgumentException("unexpected token " + p.tokens.get(p.pos) + " in " + soql);
                }
                deletedAsked = p.namesDeleted;
            }
            Predicate<Map<String, Object>> live = deletedAsked ? where : where.and(r -> !(Boolean) r.get("IsDeleted"));
            return new Select(List.of(m.group(1).split(",\\s*")), m.group(2), live);
        }

        List<Map<String, Object>> run(Map<String, Map<String, Object>> records, boolean all) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> r : records.values()) {
                Map<String, Object> copy;
                synchronized (r) {
                    copy = new LinkedHashMap<>(r);
                }
                if ((all || !(Boolean) copy.get("IsDeleted")) && where.test(copy)) {
                    rows.add(copy);
                }
            }
            rows.sort(Comparator.comparing((Map<String, Object> r) -> (Instant) r.get("SystemModstamp"))
                    .thenComparing(r -> (String) r.get("Id")));
            return rows;
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher t = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && t.find(at) && t.start() == at) {
            out.add(t.group(1));
            at = t.end();
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
        if (at < text.length()) {
            throw new IllegalArgumentException("unexpected condition: " + text.substring(at));
        }
        return out;
    }

    /** or := and (OR and)*; and := not (AND not)*; not := NOT not | ( or ) | condition. */
    private static final class Parser {
        final List<String> tokens;
        int pos;
        boolean namesDeleted;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Predicate<Map<String, Object>> or() {
            Predicate<Map<String, Object>> p = and();
            while (accept("OR")) {
                p = p.or(and());
            }
            return p;
        }

        Predicate<Map<String, Object>> and() {
            Predicate<Map<String, Object>> p = not();
            while (accept("AND")) {
                p = p.and(not());
            }
            return p;
        }

        Predicate<Map<String, Object>> not() {
            if (accept("NOT")) {
                return not().negate();
            }
            if (accept("(")) {
                Predicate<Map<String, Object>> p = or();
                expect(")");
                return p;
            }
            return condition();
        }

        Predicate<Map<String, Object>> condition() {
            String field = next();
            namesDeleted |= field.equals("IsDeleted");
            if (accept("IN")) {
                expect("(");
                Set<Object> values = new HashSet<>();
                do {
                    values.add(literal(next()));
                } while (accept(","));
                expect(")");
                return r -> values.contains(value(r, field));
            }
            String op = next();
            Object literal = literal(next());
            return r -> compare(value(r, field), op, literal);
        }

        private boolean accept(String token) {
            if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new IllegalArgumentException("expected " + token + " at " + pos + " of " + tokens);
            }
        }

        private String next() {
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("unexpected end of condition " + tokens);
            }
            return tokens.get(pos++);
        }
    }

    private static Object value(Map<String, Object> r, String field) {
        Object actual = r.get(field);
        if (field.equals("IsPersonAccount") && actual == null) {
            return Boolean.TRUE;
        }
        if (actual instanceof Boolean || actual instanceof Instant || actual == null) {
            return actual;
        }
        if (actual instanceof Number n) {
            return n.doubleValue();
        }
        String s = actual.toString();
        // a checkbox written as text (a Bulk upload) compares as a boolean
        return s.equals("true") || s.equals("false") ? Boolean.valueOf(s) : s;
    }

    private static Object literal(String token) {
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return Boolean.valueOf(token.toLowerCase());
        }
        if (token.equalsIgnoreCase("null")) {
            return null;
        }
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("\\'", "'");
        }
        if (token.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return OffsetDateTime.parse(token).toInstant();
        }
        if (token.matches("-?\\d+(?:\\.\\d+)?")) {
            return Double.valueOf(token);
        }
        throw new IllegalArgumentException("unexpected literal " + token);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean compare(Object actual, String op, Object literal) {
        if (op.equals("=")) {
            return java.util.Objects.equals(actual, literal) || actual == null && Boolean.FALSE.equals(literal);
        }
        if (op.equals("!=")) {
            return !java.util.Objects.equals(actual, literal);
        }
        if (actual == null || literal == null || actual.getClass() != literal.getClass()) {
            return false;
        }
        int c = ((Comparable) actual).compareTo(literal);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalArgumentException("unexpected operator " + op);
        };
    }
}
