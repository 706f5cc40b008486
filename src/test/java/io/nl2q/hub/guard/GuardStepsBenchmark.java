package io.nl2q.hub.guard;

import io.nl2q.hub.warehouse.SqlDialect;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Where {@link SqlGuard#check} spends its time: each benchmark runs the guard's steps up to one more than the one
 * before, over {@link GuardBenchmark}'s statements, so the difference of two neighbours is the cost of one step.
 * Run by hand: {@code org.openjdk.jmh.Main GuardStepsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GuardStepsBenchmark {
    private final StatementParser parser = new StatementParser();
    private final GuardContext context = Fixtures.ACME;
    private final SqlDialect dialect = context.dialect();
    private int next;

    private String nextStatement() {
        next = (next + 1) % GuardBenchmark.STATEMENTS.size();
        return GuardBenchmark.STATEMENTS.get(next);
    }

    /** 1. the caller's text screened: characters and {@link EngineLexer}. */
    @Benchmark
    public String s1Screen() {
        String sql = nextStatement();
        StatementParser.screen(sql);
        EngineLexer.screen(sql, dialect);
        return sql;
    }

    /** 2. and parsed by JSqlParser. */
    @Benchmark
    public Select s2Parse() {
        String sql = s1Screen();
        return parser.parseSingleQuery(sql, dialect.bracketQuotedIdentifiers());
    }

    /** 3. and walked: node policy, functions, tables bound and rewritten. */
    @Benchmark
    public TableBinder s3Walk() {
        Select select = s2Parse();
        TableBinder binder = new TableBinder(context);
        new QueryWalker(binder, new FunctionPolicy(dialect.deniedFunctions())).walk(select, io.nl2q.hub.guard.Scope.EMPTY, 0);
        binder.requireAllReplaced();
        RowLimiter.apply(select, context.maxRows(), dialect.rowLimitStyle());
        return binder;
    }

    /** 4. and rendered to text and the rendering screened. */
    @Benchmark
    public String s4Render() {
        Select select = s2Parse();
        TableBinder binder = new TableBinder(context);
        new QueryWalker(binder, new FunctionPolicy(dialect.deniedFunctions())).walk(select, io.nl2q.hub.guard.Scope.EMPTY, 0);
        binder.requireAllReplaced();
        String rendered = RowLimiter.apply(select, context.maxRows(), dialect.rowLimitStyle()).select().toString();
        EngineLexer.screenRendered(rendered, dialect);
        return rendered;
    }
}
