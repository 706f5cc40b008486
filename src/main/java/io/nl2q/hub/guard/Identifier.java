package io.nl2q.hub.guard;

import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.SqlDialect.IdentifierCase;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One name part as written in the statement. Quoted names keep their case on the engine, unquoted ones fold, so the
 * guard compares them differently and never guesses which object a quoted name of another case means.
 */
record Identifier(String text, boolean quoted) {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    // Names that must be quoted when rendered, whatever the engine: a reserved word as a bare name would not parse.
    private static final Set<String> RESERVED = Set.of("all", "and", "any", "as", "asc", "between", "by", "case",
            "cast", "check", "collate", "column", "constraint", "create", "cross", "current", "default", "desc",
            "distinct", "do", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full",
            "grant", "group", "having", "in", "inner", "intersect", "into", "is", "join", "lateral", "left", "like",
            "limit", "natural", "not", "null", "offset", "on", "only", "or", "order", "outer", "primary",
            "references", "right", "select", "table", "then", "to", "top", "true", "union", "unique", "user",
            "using", "values", "when", "where", "window", "with");

    static Identifier parse(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            char last = raw.charAt(raw.length() - 1);
            String inner = raw.substring(1, raw.length() - 1);
            if (first == '"' && last == '"') {
                return new Identifier(inner.replace("\"\"", "\""), true);
            }
            if (first == '`' && last == '`') {
                return new Identifier(inner.replace("``", "`"), true);
            }
            if (first == '[' && last == ']') {
                return new Identifier(inner.replace("]]", "]"), true);
            }
        }
        return new Identifier(raw, false);
    }

    /** The key under which CTE names are matched: what the engine would store. */
    String scopeKey() {
        return quoted ? text : text.toLowerCase(Locale.ROOT);
    }

    /** Whether this name denotes {@code lowerName}, an object created unquoted; null when it is a case-only mismatch. */
    Boolean denotes(String lowerName, SqlDialect dialect) {
        if (!quoted) {
            return text.toLowerCase(Locale.ROOT).equals(lowerName);
        }
        String stored = storedForm(lowerName, dialect.identifierCase());
        if (text.equals(stored)) {
            return true;
        }
        return text.equalsIgnoreCase(stored) ? null : false;
    }

    /** How to write an object created unquoted so it binds to exactly that object on this engine. */
    static String render(String lowerName, SqlDialect dialect) {
        String stored = storedForm(lowerName, dialect.identifierCase());
        boolean plain = PLAIN.matcher(lowerName).matches() && !RESERVED.contains(lowerName);
        return plain ? lowerName : dialect.quoteIdentifier(stored);
    }

    private static String storedForm(String lowerName, IdentifierCase identifierCase) {
        return identifierCase == IdentifierCase.UPPER ? lowerName.toUpperCase(Locale.ROOT) : lowerName;
    }

    @Override
    public String toString() {
        return text;
    }
}
