package io.nl2q.hub.semantic.eval;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.guard.GuardContext;
import io.nl2q.hub.guard.SqlGuard;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.semantic.DuckDbWarehouse;
import io.nl2q.hub.semantic.SemanticEngine;
import io.nl2q.hub.warehouse.QueryResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;

/** Asks questions from stdin (one a line) against a demo DuckDB file and prints SQL, explanation and rows. */
public final class Ask {
    private Ask() {
    }

    public static void main(String[] args) throws Exception {
        SemanticEngine engine = SemanticEngine.load(Path.of(args.length > 2 ? args[2] : "config/semantic/pharma.yaml"));
        try (DuckDbWarehouse wh = new DuckDbWarehouse(Path.of(args[0]), args[1])) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                System.out.println("Q: " + line);
                try {
                    GeneratedQuery q = engine.generate(line, wh);
                    String sql = new SqlGuard().check(q.sql(), new GuardContext(wh.tenant(), wh.tables(), wh.dialect(),
                            1000)).sql();
                    System.out.println("SQL: " + q.sql());
                    System.out.println("EXPLAIN: " + q.explanation() + "  CHART: " + q.chart());
                    QueryResult r = wh.query(sql, Duration.ofSeconds(30), 1000);
                    System.out.println("COLS: " + r.columns().stream().map(QueryResult.ResultColumn::name).toList()
                            + " ROWS(" + r.rows().size() + "): " + r.rows().stream().limit(5).toList());
                } catch (HubException e) {
                    System.out.println("REFUSED: " + e.getMessage() + " SUGGEST: " + e.suggestions());
                } catch (RuntimeException e) {
                    System.out.println("ERROR: " + e);
                }
                System.out.println();
            }
        }
    }
}
