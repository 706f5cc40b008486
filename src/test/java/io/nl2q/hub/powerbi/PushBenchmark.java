package io.nl2q.hub.powerbi;

import com.github.tomakehurst.wiremock.http.Request;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Pushes N synthetic rows (default 1,000,000) through PushJob to the WireMock Power BI stub, then pushes M rows
 * (default 200,000, 2,000 a batch) while a share of the row POSTs (default 30 %) is stored by the service and then
 * answered 503: rows stored against source rows, for FULL and APPEND, with the row counts the hub settles such
 * failures by, and without them. Everything runs on a fake clock shared with the stub: the wall time "under the rate
 * limits" is the real elapsed time plus the waits the limits imposed. Progress is kept in an in-memory H2 database
 * with the app-state tables. Run: java -cp target/test-classes:target/classes:$(cat cp.txt) this class [N] [M] [share].
 */
public final class PushBenchmark {
    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long m = args.length > 1 ? Long.parseLong(args[1]) : 200_000L;
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        JdbcTemplate jdbc = appState();
        clean(n, jdbc);
        for (PushProperties.Mode mode : PushProperties.Mode.values()) {
            for (boolean counts : new boolean[] {true, false}) {
                underFailures(m, share, mode, counts, jdbc);
            }
        }
    }

    private static void clean(long n, JdbcTemplate jdbc) throws Exception {
        FakeClock clock = new FakeClock();
        try (PowerBiStub stub = new PowerBiStub(false, clock::now)) {
            stub.countOnly = true;
            AtomicLong rowPosts = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            stub.server.addMockServiceRequestListener((Request request, com.github.tomakehurst.wiremock.http.Response r) -> {
                if (request.getMethod().getName().equals("POST") && request.getUrl().endsWith("/rows")) {
                    rowPosts.incrementAndGet();
                    bytes.addAndGet(request.getBody().length);
                }
            });
            PushProperties props = stub.properties(10_000, List.of());
            PushJob job = job(props, clock, jdbc);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            PushJob.Outcome outcome = job.push(binding("bench", PushProperties.Mode.FULL), b -> source(n));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("rows=%d rowPOSTs=%d expected=ceil(N/10000)=%d batches=%d bodyMB=%.1f stored=%d"
                    + " verified=%s%n", outcome.rows(), rowPosts.get(), (n + 9_999) / 10_000, outcome.batches(),
                    bytes.get() / 1e6, stub.table(PowerBiStub.DATASET, "bench").size(), outcome.verified());
            System.out.printf("real wall ms=%d, rate-limit waits (fake clock)=%s, wall time under limits=%.1f s%n", ms,
                    clock.slept(), ms / 1000.0 + clock.slept().toMillis() / 1000.0);
            System.out.printf("peak heap (sum of heap pools' peaks)=%.0f MB, -Xmx=%d MB%n", peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1_000_000);
        }
    }

    private static void underFailures(long m, double share, PushProperties.Mode mode, boolean counts, JdbcTemplate jdbc)
            throws Exception {
        FakeClock clock = new FakeClock();
        try (PowerBiStub stub = new PowerBiStub(false, clock::now)) {
            stub.storedThenFail = share;
            stub.executeQueriesAllowed = counts;
            // each run is another dataset (the stub names them alike): none inherits the hour's row budget of another
            jdbc.update("DELETE FROM powerbi_push_run");
            jdbc.update("DELETE FROM powerbi_push_post");
            PushProperties props = stub.properties(2_000, List.of());
            String outcome;
            try {
                PushJob.Outcome o = job(props, clock, jdbc).push(binding("bench-" + mode, mode), b -> source(m));
                outcome = o.status() + " verified=" + o.verified() + " reloads=" + o.reloads() + " warning="
                        + (o.warning() == null ? "none" : "\"" + o.warning().substring(0, Math.min(60,
                        o.warning().length())) + "...\"");
            } catch (PowerBiException e) {
                outcome = "FAILED (parked for replay): " + e.getMessage();
            }
            List<com.fasterxml.jackson.databind.JsonNode> table = stub.table(PowerBiStub.DATASET, "bench-" + mode);
            var distinct = new HashSet<Long>();
            table.forEach(r -> distinct.add(r.path("row_id").asLong()));
            System.out.printf("%s push of %,d rows, %.0f %% of row POSTs stored then answered 503, row counts %s:"
                    + " stored %,d rows (%,d distinct, %,d duplicates) for %,d source rows; %d row POSTs; %s%n",
                    mode, m, share * 100, counts ? "allowed" : "refused", table.size(), distinct.size(),
                    table.size() - distinct.size(), m, stub.rowPosts.get(), outcome);
        }
    }

    private static PushJob job(PushProperties props, FakeClock clock, JdbcTemplate jdbc) {
        return new PushJob(new PowerBiApi(props, clock), new PushLimiter(props.postsPerMinute(), props.rowsPerHour(),
                props.maxPending(), clock, new PushPostLog(jdbc)), new PushRuns(jdbc), props, clock);
    }

    private static PushProperties.Binding binding(String table, PushProperties.Mode mode) {
        return new PushProperties.Binding(table, "acme", table, PowerBiStub.GROUP, "NL2Q " + table, table, mode);
    }

    private static PushSource source(long n) {
        return new PushSource() {
            @Override
            public List<PushColumn> columns() {
                return List.of(new PushColumn("row_id", "Int64"), new PushColumn("week_ending", "DateTime"),
                        new PushColumn("hcp_id", "String"), new PushColumn("product_id", "String"),
                        new PushColumn("trx", "Int64"));
            }

            @Override
            public List<List<Object>> read(long offset, int limit) {
                var rows = new ArrayList<List<Object>>(limit);
                for (long i = offset; i < Math.min(n, offset + limit); i++) {
                    rows.add(List.of(i, "2025-12-26", "H" + (i % 6000), "P0" + (i % 9 + 1), i % 37));
                }
                return rows;
            }
        };
    }

    /** The app-state tables of pushes in an in-memory H2 database, from the migrations. */
    private static JdbcTemplate appState() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:push-bench;DB_CLOSE_DELAY=-1"));
        for (String migration : List.of("V31__powerbi_push_and_refresh.sql",
                "V71__powerbi_resume_verify_and_post_log.sql")) {
            String sql = new String(PushBenchmark.class.getResourceAsStream("/db/migration/" + migration)
                    .readAllBytes(), StandardCharsets.UTF_8);
            for (String ddl : sql.replaceAll("--[^\n]*", "").split(";")) {
                if (!ddl.isBlank()) {
                    jdbc.execute(ddl);
                }
            }
        }
        return jdbc;
    }
}
