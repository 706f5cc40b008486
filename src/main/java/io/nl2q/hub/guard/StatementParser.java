package io.nl2q.hub.guard;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Screens the raw text and parses it into exactly one query. The parser runs on the caller's thread under a
 * {@link ParseDeadline}, so that a pathological input is abandoned after {@link #PARSE_TIMEOUT_MS} (give or take
 * {@link ParseDeadline#TICK_MS}) without handing each statement to another thread.
 */
final class StatementParser {
    static final int MAX_CHARS = 100_000;
    static final long PARSE_TIMEOUT_MS = 2_000;
    private static final Pattern FIRST_WORD = Pattern.compile(
            "\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*(?s:.*?)\\*/)*([A-Za-z_]+)");

    private static final String TOO_LONG = "the statement took too long to parse and is refused";
    private static final ExecutorService CALLER_THREAD = new CallerThread();

    private final long timeoutMs;

    StatementParser() {
        this(PARSE_TIMEOUT_MS);
    }

    /** With another limit, for tests of the limit itself. */
    StatementParser(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** {@code sql} has passed {@link #screen}. */
    Select parseSingleQuery(String sql, boolean squareBrackets) {
        Statements statements;
        try (ParseDeadline deadline = ParseDeadline.start(timeoutMs)) {
            try {
                statements = CCJSqlParserUtil.parseStatements(sql, CALLER_THREAD,
                        parser -> deadline.watch(parser.withSquareBracketQuotation(squareBrackets)));
            } catch (JSQLParserException e) {
                throw new SqlRejectedException(deadline.expired() ? TOO_LONG : unparsable(sql, e));
            }
            if (deadline.expired()) {
                throw new SqlRejectedException(TOO_LONG);
            }
        }
        if (statements == null || statements.isEmpty()) {
            throw new SqlRejectedException("the statement is empty");
        }
        if (statements.size() > 1) {
            throw new SqlRejectedException("only one SELECT statement is allowed; found " + statements.size()
                    + " statements (" + String.join(", ", statements.stream().map(StatementParser::kind).toList())
                    + ")");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw new SqlRejectedException("only one SELECT statement is allowed; found " + kind(statement));
        }
        return select;
    }

    /** Refuses empty, oversized text and invisible or control characters, before any lexing. */
    static void screen(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new SqlRejectedException("the statement is empty");
        }
        if (sql.length() > MAX_CHARS) {
            throw new SqlRejectedException("the statement is too long: " + sql.length() + " characters, at most "
                    + MAX_CHARS + " are allowed");
        }
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                throw new SqlRejectedException(String.format(Locale.ROOT, "the statement contains the invisible "
                        + "or control character U+%04X at position %d; only ordinary whitespace is allowed", (int) c, i));
            }
        }
    }

    private static String unparsable(String sql, JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (String.valueOf(e.getMessage()).contains("Time out") || cause instanceof java.util.concurrent.TimeoutException) {
            return TOO_LONG;
        }
        ParseException parse = rootParseException(e);
        if (parse != null && parse.currentToken != null
                && ";".equals(parse.currentToken.image) && parse.currentToken.next != null) {
            return "only one SELECT statement is allowed; found " + parse.currentToken.next.image.toUpperCase(Locale.ROOT)
                    + " after ';'";
        }
        Matcher first = FIRST_WORD.matcher(sql);
        if (first.find()) {
            String word = first.group(1).toUpperCase(Locale.ROOT);
            if (!word.equals("SELECT") && !word.equals("WITH") && !word.equals("VALUES")) {
                return "only one SELECT statement is allowed; found " + word;
            }
        }
        String detail = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip()
                .replaceFirst("^net\\.sf\\.jsqlparser\\.parser\\.\\w+: ", "");
        return "the statement is not a single valid SQL query: "
                + (detail.length() > 160 ? detail.substring(0, 160) + "..." : detail);
    }

    private static ParseException rootParseException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException parse) {
                return parse;
            }
        }
        return null;
    }

    /** DELETE, CREATE TABLE, SET ... from the parser's class name, so the reason says what was found. */
    static String kind(Statement statement) {
        String name = statement.getClass().getSimpleName().replaceAll("Statement$", "");
        if (statement instanceof Select) {
            return "SELECT";
        }
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    /** Runs each task at once on the submitting thread: JSqlParser then parses where it is called. */
    private static final class CallerThread extends AbstractExecutorService {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
            // nothing to stop: no thread of its own
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
