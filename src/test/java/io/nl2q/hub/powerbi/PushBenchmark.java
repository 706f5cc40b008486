package io.nl2q.hub.powerbi;

import com.github.tomakehurst.wiremock.http.Request;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes N synthetic rows (default 1,000,000) through PushJob to the WireMock Power BI stub. The limiter runs on a
 * fake clock: the wall time "under the rate limits" is the real elapsed time plus the waits the limits imposed.
 * Run: mvn -q test-compile exec:java ... or java -cp target/test-classes:target/classes:$(cat cp.txt) this class.
 */
public final class PushBenchmark {
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        try (PowerBiStub stub = new PowerBiStub(false)) {
            AtomicLong rowPosts = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            stub.server.addMockServiceRequestListener((Request request, com.github.tomakehurst.wiremock.http.Response r) -> {
                if (request.getMethod().getName().equals("POST") && request.getUrl().endsWith("/rows")) {
                    rowPosts.incrementAndGet();
                    bytes.addAndGet(request.getBody().length);
                }
            });
            PushProperties props = stub.properties(10_000, List.of());
            FakeClock clock = new FakeClock();
            PushJob job = new PushJob(new PowerBiApi(props, clock), new PushLimiter(props.postsPerMinute(),
                    props.rowsPerHour(), props.maxPending(), clock), new MemoryRuns(), props);
            PushSource source = new PushSource() {
                @Override
                public List<PushColumn> columns() {
                    return List.of(new PushColumn("week_ending", "DateTime"), new PushColumn("hcp_id", "String"),
                            new PushColumn("product_id", "String"), new PushColumn("trx", "Int64"));
                }

                @Override
                public List<List<Object>> read(long offset, int limit) {
                    var rows = new ArrayList<List<Object>>(limit);
                    for (long i = offset; i < Math.min(n, offset + limit); i++) {
                        rows.add(List.of("2025-12-26", "H" + (i % 6000), "P0" + (i % 9 + 1), i % 37));
                    }
                    return rows;
                }
            };
            var binding = new PushProperties.Binding("bench", "acme", "bench", PowerBiStub.GROUP, null, null,
                    PushProperties.Mode.FULL);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            PushJob.Outcome outcome = job.push(binding, b -> source);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("rows=%d rowPOSTs=%d expected=ceil(N/10000)=%d batches=%d bodyMB=%.1f%n", outcome.rows(),
                    rowPosts.get(), (n + 9_999) / 10_000, outcome.batches(), bytes.get() / 1e6);
            System.out.printf("real wall ms=%d, rate-limit waits (fake clock)=%s, wall time under limits=%.1f s%n", ms,
                    clock.slept(), ms / 1000.0 + clock.slept().toMillis() / 1000.0);
            System.out.printf("peak heap (sum of heap pools' peaks)=%.0f MB, -Xmx=%d MB%n", peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1_000_000);
        }
    }

    /** Progress in memory: the benchmark measures pushing, not the app-state database. */
    static final class MemoryRuns extends PushRuns {
        private Run run;

        MemoryRuns() {
            super(null);
        }

        @Override
        Optional<Run> open(String bindingName) {
            return Optional.ofNullable(run);
        }

        @Override
        Run start(String tenantId, String bindingName, String datasetId, String table, PushProperties.Mode mode) {
            run = new Run(1, bindingName, datasetId, table, mode, 0, 0, false, null, 0);
            return run;
        }

        @Override
        Run get(long id) {
            return run;
        }

        @Override
        void inFlight(long id, int batch) {
        }

        @Override
        void batchDone(long id, int batchesSent, long rowsSent, long stringsCut) {
            run = new Run(1, run.bindingName(), run.datasetId(), run.tableName(), run.mode(), rowsSent, batchesSent,
                    run.rowsCleared(), null, stringsCut);
        }

        @Override
        void cleared(long id, boolean cleared) {
            run = new Run(1, run.bindingName(), run.datasetId(), run.tableName(), run.mode(), 0, 0, cleared, null, 0);
        }

        @Override
        void finish(long id, String status, String message) {
            run = null;
        }
    }
}
