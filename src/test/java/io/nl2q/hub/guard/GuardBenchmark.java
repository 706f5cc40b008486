package io.nl2q.hub.guard;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Latency of {@link SqlGuard#check} over typical generated statements; p50/p99 from SampleTime. Run by hand. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GuardBenchmark {
    static final List<String> STATEMENTS = List.of(
            "SELECT p.product_name, sum(r.trx) AS trx FROM rx_weekly r JOIN product p ON p.product_id = r.product_id"
                    + " GROUP BY p.product_name ORDER BY trx DESC LIMIT 5",
            "SELECT date_trunc('month', week_ending) AS month, sum(trx) FROM rx_weekly GROUP BY 1 ORDER BY 1",
            "SELECT specialty, count(*) FROM hcp GROUP BY specialty",
            "SELECT count(DISTINCT hcp_id) AS reach FROM call_activity WHERE product_id = 'P01'",
            "WITH t AS (SELECT territory_id, sum(trx) AS trx FROM rx_weekly r JOIN hcp h USING (hcp_id) GROUP BY"
                    + " territory_id) SELECT t.*, x.region FROM t JOIN territory x ON x.territory_id = t.territory_id",
            "SELECT p.market, p.product_name, sum(r.trx) * 1.0 / sum(sum(r.trx)) OVER (PARTITION BY p.market) AS share"
                    + " FROM rx_weekly r JOIN product p ON p.product_id = r.product_id GROUP BY p.market, p.product_name",
            "SELECT * FROM hcp h WHERE EXISTS (SELECT 1 FROM rx_weekly r WHERE r.hcp_id = h.hcp_id AND r.trx > 0)",
            "SELECT t.rep_name, count(c.call_id) AS calls FROM territory t LEFT JOIN call_activity c"
                    + " ON c.territory_id = t.territory_id GROUP BY t.rep_name ORDER BY calls DESC",
            "SELECT full_name, CASE WHEN decile >= 8 THEN 'High' ELSE 'Other' END AS segment FROM hcp WHERE state = 'NY'",
            "SELECT hcp_id FROM call_activity UNION SELECT hcp_id FROM rx_weekly WHERE week_ending >= DATE '2025-10-01'");

    private final SqlGuard guard = new SqlGuard();
    private final List<GuardedSql> rendered = STATEMENTS.stream().map(sql -> guard.check(sql, Fixtures.ACME)).toList();
    private final FunctionPolicy functions = new FunctionPolicy(Fixtures.ACME.dialect().deniedFunctions());
    private int next;

    @Benchmark
    public GuardedSql check() {
        next = (next + 1) % STATEMENTS.size();
        return guard.check(STATEMENTS.get(next), Fixtures.ACME);
    }

    /** The share of {@link #check} that DuckDB's second opinion takes, measured under the same conditions. */
    @Benchmark
    public GuardedSql secondOpinionOnly() {
        next = (next + 1) % rendered.size();
        GuardedSql guarded = rendered.get(next);
        DuckDbSecondOpinion.shared().check(guarded.sql(), "acme", guarded.tables(), functions);
        return guarded;
    }
}
