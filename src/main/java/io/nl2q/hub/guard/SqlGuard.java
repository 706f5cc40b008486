package io.nl2q.hub.guard;

import io.nl2q.hub.warehouse.SqlDialect;
import java.util.List;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The last gate between generated SQL and a tenant's warehouse. A statement passes only if it is a single read-only
 * query whose every table binds to a CTE in scope or to a table of the caller's tenant, and whose every function is
 * harmless; it comes back rewritten with schema-qualified tables and a row cap. Anything the guard cannot positively
 * bind is refused. With shared tables every tenant table is read through a filter on the caller's tenant column
 * (see {@link TableBinder}). Thread-safe: all per-call state lives in objects created by {@link #check}.
 *
 * <p>The guard checks what runs: the SQL it returns is rendered from the tree it checked, never the caller's text;
 * both texts are first read by {@link EngineLexer}, which refuses the literal and comment forms JSqlParser reads
 * differently from the engines; and the engine's own parser confirms the rendered statement is exactly one SELECT
 * over the tenant's tables ({@link DuckDbSecondOpinion} for DuckDB, the driver's statement splitter, which the
 * extended protocol then holds to one statement, for PostgreSQL).
 */
public final class SqlGuard {
    private final StatementParser parser = new StatementParser();

    /**
     * @return the rewritten statement, the tenant tables it reads and the row limit it carries
     * @throws SqlRejectedException naming the reason when the statement is refused
     */
    public GuardedSql check(String sql, GuardContext context) {
        return check(sql, List.of(), context);
    }

    /**
     * The same for a statement whose values are bound, not written: it must hold exactly one plain {@code ?} per
     * value (no numbered or named parameters), and comes back carrying the values in order.
     */
    public GuardedSql check(String sql, List<?> parameters, GuardContext context) {
        SqlDialect dialect = context.dialect();
        StatementParser.screen(sql);
        EngineLexer.screen(sql, dialect);
        Select select = parser.parseSingleQuery(sql, dialect.bracketQuotedIdentifiers());
        TableBinder binder = new TableBinder(context);
        FunctionPolicy functions = new FunctionPolicy(dialect.deniedFunctions());
        QueryWalker walker = new QueryWalker(binder, functions, !parameters.isEmpty());
        walker.walk(select, Scope.EMPTY, 0);
        if (walker.placeholders() != parameters.size()) {
            throw new SqlRejectedException("the statement holds " + walker.placeholders() + " placeholders for "
                    + parameters.size() + " bound values");
        }
        binder.requireAllReplaced();
        RowLimiter.Limited limited = RowLimiter.apply(select, context.maxRows(), dialect.rowLimitStyle());
        String rendered = limited.select().toString();
        EngineLexer.screenRendered(rendered, dialect);
        secondOpinion(rendered, context, binder, functions);
        return new GuardedSql(rendered, binder.tablesRead(), limited.rowLimit(),
                new java.util.ArrayList<Object>(parameters));
    }

    private static void secondOpinion(String rendered, GuardContext context, TableBinder binder,
                                      FunctionPolicy functions) {
        switch (context.dialect().engineCheck()) {
            case DUCKDB_PARSER -> DuckDbSecondOpinion.shared().check(rendered, binder.schemaName(),
                    binder.tablesRead(), functions);
            case POSTGRESQL_DRIVER -> PostgresStatementCount.requireOne(rendered);
            case NONE -> {
                // no engine parser to ask; EngineLexer has refused the forms these engines read differently
            }
        }
    }
}
