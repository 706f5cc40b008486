package io.nl2q.hub.semantic.eval;

import io.nl2q.hub.semantic.DuckDbWarehouse;
import io.nl2q.hub.semantic.SemanticEngine;
import io.nl2q.hub.warehouse.DemoDataCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The eval command (see eval/README.md): builds a small demo warehouse unless one is given, runs the development set,
 * prints the figures and every miss. Exit code 1 when a target is missed, so scripts and CI can use it.
 */
public final class EvalCommand {
    private EvalCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("questions", "eval/questions.yaml", "model",
                "config/semantic/pharma.yaml", "schema", "acme", "scale", "0.05", "seed", "42"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path warehouse = Path.of(o.getOrDefault("warehouse", "target/semantic/warehouse-" + o.get("schema") + ".duckdb"));
        if (!o.containsKey("warehouse") || !Files.exists(warehouse)) {
            ensureWarehouse(warehouse, o.get("schema"), o.get("scale"), o.get("seed"));
        }
        EvalReport report = run(Path.of(o.get("questions")), Path.of(o.get("model")), warehouse, o.get("schema"),
                "values".equals(o.get("compare")));
        System.out.println(report.text(true));
        boolean met = report.executionAccuracy() >= 0.95 && report.refusalRecall() >= 1.0 && report.answeredRight() >= 0.99;
        System.out.println(met ? "targets met" : "TARGETS MISSED");
        System.exit(met ? 0 : 1);
    }

    /** Generates the demo warehouse file once (deterministic), reusing it when it exists. */
    static void ensureWarehouse(Path file, String schema, String scale, String seed) throws Exception {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        DemoDataCommand.main(new String[] {"--out", file.toString(), "--schema", schema, "--scale", scale, "--seed", seed});
        io.nl2q.hub.semantic.DemoWarehouses.fillPartnerTables(file, schema);
    }

    static EvalReport run(Path questions, Path model, Path warehouseFile, String schema) throws Exception {
        return run(questions, model, warehouseFile, schema, false);
    }

    static EvalReport run(Path questions, Path model, Path warehouseFile, String schema, boolean byValues)
            throws Exception {
        List<EvalItem> items = EvalRunner.load(questions);
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(warehouseFile, schema)) {
            return EvalReport.of(new EvalRunner(SemanticEngine.load(model), warehouse, byValues).run(items));
        }
    }
}
