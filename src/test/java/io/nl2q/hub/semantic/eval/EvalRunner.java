package io.nl2q.hub.semantic.eval;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.guard.GuardContext;
import io.nl2q.hub.guard.SqlGuard;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.semantic.DuckDbWarehouse;
import io.nl2q.hub.semantic.SemanticEngine;
import io.nl2q.hub.warehouse.QueryResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Runs every question through the engine and the guard, and its gold SQL, on one demo warehouse. */
final class EvalRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ROWS = 100_000;
    private final SemanticEngine engine;
    private final DuckDbWarehouse warehouse;
    private final SqlGuard guard = new SqlGuard();
    private final boolean byValues;

    EvalRunner(SemanticEngine engine, DuckDbWarehouse warehouse) {
        this(engine, warehouse, false);
    }

    /** {@code byValues}: compare with column names and extra answer columns ignored (see ResultSets.sameByValues). */
    EvalRunner(SemanticEngine engine, DuckDbWarehouse warehouse, boolean byValues) {
        this.engine = engine;
        this.warehouse = warehouse;
        this.byValues = byValues;
    }

    @SuppressWarnings("unchecked")
    static List<EvalItem> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return raw.stream().map(m -> new EvalItem((String) m.get("id"), (String) m.get("shape"),
                    (String) m.get("question"), (String) m.get("sql"), Boolean.TRUE.equals(m.get("ordered")),
                    (String) m.get("refuse"))).toList();
        }
    }

    List<Outcome> run(List<EvalItem> items) {
        List<Outcome> out = new ArrayList<>();
        items.forEach(i -> out.add(run(i)));
        return out;
    }

    Outcome run(EvalItem item) {
        long start = System.nanoTime();
        GeneratedQuery generated;
        try {
            generated = engine.generate(item.question(), warehouse);
        } catch (HubException e) {
            long micros = (System.nanoTime() - start) / 1000;
            return new Outcome(item, e.code() == ErrorCode.UNANSWERABLE ? Outcome.Kind.REFUSED : Outcome.Kind.ERROR,
                    e.getMessage(), micros);
        } catch (RuntimeException e) {
            return new Outcome(item, Outcome.Kind.ERROR, "engine failed: " + e, 0);
        }
        long micros = (System.nanoTime() - start) / 1000;
        if (item.mustRefuse()) {
            return new Outcome(item, Outcome.Kind.WRONG, "answered a must-refuse question: " + generated.sql(), micros);
        }
        try {
            String sql = guard.check(generated.sql(), new GuardContext(warehouse.tenant(), warehouse.tables(),
                    warehouse.dialect(), MAX_ROWS)).sql();
            QueryResult actual = warehouse.query(sql, TIMEOUT, MAX_ROWS);
            QueryResult gold;
            try {
                gold = warehouse.query(item.sql(), TIMEOUT, MAX_ROWS);
            } catch (RuntimeException e) {
                return new Outcome(item, Outcome.Kind.ERROR, "gold SQL failed: " + e, micros);
            }
            boolean right = byValues ? ResultSets.sameByValues(gold.rows(), actual.rows(), item.ordered())
                    : ResultSets.same(gold.rows(), actual.rows(), item.ordered());
            return new Outcome(item, right ? Outcome.Kind.RIGHT : Outcome.Kind.WRONG, right ? generated.sql()
                    : "rows differ: gold " + preview(gold) + " engine " + preview(actual) + " SQL: " + generated.sql()
                    + " READ AS: " + generated.explanation(),
                    micros);
        } catch (RuntimeException e) {
            return new Outcome(item, Outcome.Kind.ERROR, e + " SQL: " + generated.sql(), micros);
        }
    }

    private static String preview(QueryResult r) {
        return r.rows().size() + " rows " + r.rows().stream().limit(3).toList();
    }
}
