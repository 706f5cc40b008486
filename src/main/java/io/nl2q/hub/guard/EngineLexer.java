package io.nl2q.hub.guard;

import io.nl2q.hub.warehouse.SqlDialect;

/**
 * A small lexer that reads SQL text the way the engines do (quotes, comments, statement ends) and refuses every form
 * on which JSqlParser and an engine disagree about where a token ends. Such a form lets one reader see a string
 * literal where the other sees code: DuckDB and PostgreSQL read {@code E'\'} as an unterminated escape string that
 * JSqlParser ends at the second quote. Refused, on every dialect, because the guard must not depend on guessing which
 * reading is right:
 * <ul>
 *   <li>a quote glued to a word or {@code &}: escape strings {@code E'..'}, unicode escapes {@code U&'..'},
 *   {@code N'..'}, {@code X'..'}, {@code B'..'} and the like;</li>
 *   <li>a backslash inside a string or quoted identifier (an escape for JSqlParser and Snowflake, a plain character
 *   for DuckDB and PostgreSQL);</li>
 *   <li>{@code $} outside quotes (dollar quoting {@code $$..$$}, {@code $tag$..$tag$}, positional parameters);</li>
 *   <li>an unterminated quote or comment (block comments nest, as on DuckDB and PostgreSQL: JSqlParser reads
 *   them the same way, and the rendering drops them);</li>
 *   <li>backtick identifiers, JDBC escapes ({@code {fn ..}}, which drivers rewrite before the engine sees them), and
 *   on Snowflake {@code //} (a comment there, integer division on DuckDB);</li>
 *   <li>in the rendered statement: a comment marker or anything after a {@code ;} (JSqlParser renders neither, so
 *   either means the rendering itself would be read differently, as {@code - -1} printed {@code --1} would).</li>
 * </ul>
 * Run on the caller's text (for a reason that points at what was written) and again on the rendered statement, which
 * is what the engine receives.
 */
final class EngineLexer {
    private final String sql;
    private final SqlDialect dialect;
    private final boolean rendered;
    private int pos;

    private EngineLexer(String sql, SqlDialect dialect, boolean rendered) {
        this.sql = sql;
        this.dialect = dialect;
        this.rendered = rendered;
    }

    /**
     * The caller's text; several statements are left to the parser, whose reason names them.
     *
     * @throws SqlRejectedException naming the form and its position when the text holds one of the forms above
     */
    static void screen(String sql, SqlDialect dialect) {
        new EngineLexer(sql, dialect, false).run();
    }

    /** The statement as it will be sent: all of the above, and nothing after a {@code ;}. */
    static void screenRendered(String sql, SqlDialect dialect) {
        new EngineLexer(sql, dialect, true).run();
    }

    private void run() {
        boolean ended = false;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if ((startsWith("--") || startsWith("/*")) && rendered) {
                throw refuse("the rendered statement holds a comment marker outside quotes");
            } else if (startsWith("--")) {
                skipLineComment();
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else if (ended) {
                throw refuse("only one SELECT statement is allowed; found more text after ';'");
            } else if (c == ';' && rendered) {
                ended = true;
                pos++;
            } else if (c == '\'') {
                requireNoPrefix("string literal");
                skipQuoted('\'', "string literal");
            } else if (c == '"') {
                requireNoPrefix("quoted identifier");
                skipQuoted('"', "quoted identifier");
            } else if (c == '[' && dialect.bracketQuotedIdentifiers()) {
                skipBracketIdentifier();
            } else {
                checkPlainCharacter(c);
                pos++;
            }
        }
    }

    private void checkPlainCharacter(char c) {
        if (c == '$') {
            throw refuse("'$' is not allowed outside quotes: dollar-quoted strings ($$...$$, $tag$...$tag$) are "
                    + "read differently by the engine (write a plain '...' string), and bind parameters ($1) are not "
                    + "allowed");
        }
        if (c == '\\') {
            throw refuse("a backslash is not allowed outside quotes");
        }
        if (c == '`') {
            throw refuse("backtick identifiers are not allowed; quote identifiers with double quotes");
        }
        if (c == '{' || c == '}') {
            throw refuse("JDBC escapes ({fn ...}, {d '...'}) are not allowed: the driver rewrites them");
        }
        if (c == '/' && startsWith("//") && dialect.doubleSlashComments()) {
            throw refuse("'//' is not allowed: it starts a comment on Snowflake");
        }
    }

    /** E'..', U&'..', N'..': a quote glued to the word or {@code &} before it changes how the engine reads it. */
    private void requireNoPrefix(String what) {
        if (pos == 0) {
            return;
        }
        char before = sql.charAt(pos - 1);
        if (Character.isLetterOrDigit(before) || before == '_' || before == '&' || before == '$') {
            int start = pos - 1;
            while (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '&')) {
                start--;
            }
            throw refuse("a " + what + " with a prefix (" + sql.substring(start, pos) + sql.charAt(pos)
                    + "...) is not allowed: escape strings (E'...'), unicode escapes (U&'...') and other prefixed "
                    + "literals are read differently by the engine; write a plain " + sql.charAt(pos) + "..."
                    + sql.charAt(pos) + " after a space");
        }
    }

    /** A quote doubled inside is the only escape the guard accepts; a backslash is refused. */
    private void skipQuoted(char quote, String what) {
        int start = pos;
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\\') {
                throw refuse("a backslash inside a " + what + " is not allowed: engines disagree on whether it "
                        + "escapes the next character");
            }
            if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            pos++;
        }
        throw new SqlRejectedException("the " + what + " starting at position " + start + " is not terminated");
    }

    private void skipBracketIdentifier() {
        int start = pos;
        int end = sql.indexOf(']', pos + 1);
        while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == ']') {
            end = sql.indexOf(']', end + 2);
        }
        if (end < 0) {
            throw new SqlRejectedException("the bracket identifier starting at position " + start
                    + " is not terminated");
        }
        pos = end + 1;
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', pos);
        pos = end < 0 ? sql.length() : end + 1;
    }

    /** Nested the way DuckDB and PostgreSQL nest them (as JSqlParser does); the rendering drops comments. */
    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < sql.length()) {
            if (startsWith("/*")) {
                depth++;
                pos += 2;
            } else if (startsWith("*/")) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw new SqlRejectedException("the block comment starting at position " + start + " is not terminated");
    }

    private boolean startsWith(String token) {
        return sql.startsWith(token, pos);
    }

    private SqlRejectedException refuse(String reason) {
        return new SqlRejectedException(reason + " (at position " + pos + ")");
    }
}
