package io.nl2q.hub.semantic;

import io.nl2q.hub.guard.GuardContext;
import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.guard.SqlGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.util.Statistics;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Question to SQL and to guarded SQL, excluding execution, over every answerable question of the development set in turn
 * (the tenant's value index is built once in setup, as the hub caches it). Targets: p50 <= 2 ms, p99 <= 10 ms.
 * Run: {@code java -cp <test classpath> io.nl2q.hub.semantic.SemanticEngineBenchmark}, which ends by printing each
 * benchmark's p50 and p99 against those targets (bench/run does this as its step 5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SemanticEngineBenchmark {
    private DuckDbWarehouse warehouse;
    private SemanticEngine engine;
    private GuardContext context;
    private final SqlGuard guard = new SqlGuard();
    private List<String> questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        warehouse = new DuckDbWarehouse(DemoWarehouses.acme(), DemoWarehouses.SCHEMA);
        engine = SemanticEngine.load(Path.of("config/semantic/pharma.yaml"));
        context = new GuardContext(warehouse.tenant(), warehouse.tables(), warehouse.dialect(), 10_000);
        questions = Files.readAllLines(Path.of("eval/questions.yaml")).stream()
                .filter(l -> l.startsWith("  question: ")).map(l -> l.substring(12).replaceAll("^'|'$", ""))
                .filter(q -> {
                    try {
                        engine.generate(q, warehouse);
                        return true;
                    } catch (RuntimeException refused) {
                        return false;
                    }
                }).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        warehouse.close();
    }

    /** The engine alone: reading, resolving and compiling a question. */
    @Benchmark
    public String questionToSql() {
        next = (next + 1) % questions.size();
        return engine.generate(questions.get(next), warehouse).sql();
    }

    /** What the question flow does before execution: the engine, then the guard's parse and rewrite. */
    @Benchmark
    public GuardedSql questionToGuardedSql() {
        next = (next + 1) % questions.size();
        return guard.check(engine.generate(questions.get(next), warehouse).sql(), context);
    }

    public static void main(String[] args) throws Exception {
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(SemanticEngineBenchmark.class.getSimpleName()).build()).run()) {
            Statistics latency = result.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "%s: p50 %.3f ms, p99 %.3f ms over %d samples (target p50 <= 2 ms, "
                    + "p99 <= 10 ms)%n", result.getParams().getBenchmark().replaceFirst(".*\\.", ""),
                    latency.getPercentile(50) / 1000, latency.getPercentile(99) / 1000, latency.getN());
        }
    }
}
