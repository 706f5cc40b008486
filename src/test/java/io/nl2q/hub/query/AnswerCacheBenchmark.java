package io.nl2q.hub.query;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.pipeline.ModelVersion;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.QueryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Time of a cached answer lookup (normalize, key, hit, copy marked cached) with 10,000 answers of 10 rows cached;
 * p50/p99 from SampleTime. Run by hand: {@code java -cp ... org.openjdk.jmh.Main AnswerCacheBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerCacheBenchmark {
    private static final Caller ACME = new Caller(new TenantRef("acme", "acme"), "key:bench", Set.of(Role.VIEWER));
    private CaffeineAnswerCache cache;
    private Question hit;
    private Question miss;

    @Setup
    public void fill() {
        cache = new CaffeineAnswerCache(new AnswerCacheProperties(true, Duration.ofHours(1), 20_000L),
                new DefaultListableBeanFactory().getBeanProvider(ModelVersion.class));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(List.of("HCP" + i, "Dr. Name " + i, "Endocrinology", 1000 - i));
        }
        List<QueryResult.ResultColumn> columns = List.of(new QueryResult.ResultColumn("hcp_id", "VARCHAR"),
                new QueryResult.ResultColumn("full_name", "VARCHAR"), new QueryResult.ResultColumn("specialty", "VARCHAR"),
                new QueryResult.ResultColumn("trx", "BIGINT"));
        for (int i = 0; i < 10_000; i++) {
            String q = "Show me top " + i + " prescribers by TRx for Tirosint in Q4 2024";
            cache.store(new Question(q), ACME, new QueryAnswer(q, "SELECT ...", columns, rows, 10, false,
                    "explanation", Chart.table(), "semantic", false, 12, "id" + i),
                    new GuardedSql("SELECT ...", Set.of("rx_weekly", "hcp", "product"), 501));
        }
        hit = new Question("show me TOP 500 prescribers by trx for tirosint in q4 2024?");
        miss = new Question("Show me top 10 prescribers by NRx for Flector in Q1 2025");
    }

    @Benchmark
    public QueryAnswer cachedAnswer() {
        return cache.hit(hit, ACME, new Date(), "q");
    }

    @Benchmark
    public QueryAnswer cacheMiss() {
        return cache.hit(miss, ACME, new Date(), "q");
    }
}
