package io.nl2q.hub.guard;

import net.sf.jsqlparser.statement.select.Select;

/**
 * The last gate between generated SQL and a tenant's warehouse. A statement passes only if it is a single read-only
 * query whose every table binds to a CTE in scope or to a table of the caller's tenant, and whose every function is
 * harmless; it comes back rewritten with schema-qualified tables and a row cap. Anything the guard cannot positively
 * bind is refused. With shared tables every tenant table is read through a filter on the caller's tenant column
 * (see {@link TableBinder}). Thread-safe: all per-call state lives in objects created by {@link #check}.
 */
public final class SqlGuard {
    private final StatementParser parser = new StatementParser();

    /**
     * @return the rewritten statement, the tenant tables it reads and the row limit it carries
     * @throws SqlRejectedException naming the reason when the statement is refused
     */
    public GuardedSql check(String sql, GuardContext context) {
        boolean squareBrackets = "sqlserver".equals(context.dialect().id());
        Select select = parser.parseSingleQuery(sql, squareBrackets);
        TableBinder binder = new TableBinder(context);
        new QueryWalker(binder, new FunctionPolicy(context.dialect().deniedFunctions()))
                .walk(select, Scope.EMPTY, 0);
        binder.requireAllReplaced();
        RowLimiter.Limited limited = RowLimiter.apply(select, context.maxRows(), context.dialect().rowLimitStyle());
        return new GuardedSql(limited.select().toString(), binder.tablesRead(), limited.rowLimit());
    }
}
