package io.nl2q.hub.boast;

import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.warehouse.Dialects;
import io.nl2q.hub.warehouse.DuckDbAppenderSink;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Ingest benchmark of the BOAST loader (README, "BOAST ingest benchmark"): a contract-valid hcp_targets file of
 * about 1 GB over the acme demo HCPs (scale 1.0, seed 42) is loaded by the hub's path (hash pass, streaming parse,
 * per-row validation and lookups, DuckDB appender into staging, one INSERT ... SELECT) and then, into the same
 * emptied table in the same run, by DuckDB's own read_csv joined to the same lookups.
 * Run with the heap capped: {@code java -Xmx512m -cp <test classpath> io.nl2q.hub.boast.BoastIngestBenchmark [MB]
 * [DuckDB memory_limit, e.g. 2GB]}.
 */
public final class BoastIngestBenchmark {
    private static final String[] PRODUCTS = {"Tirosint", "Tirosint-SOL", "Synthroid", "Levoxyl", "Unithroid",
            "Euthyrox", "Levothyroxine", "Armour Thyroid", "Cytomel", "Flector", "Licart", "Pennsaid",
            "Voltaren Gel", "Diclofenac Gel"};

    private BoastIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = (args.length > 0 ? Long.parseLong(args[0]) : 1024) * 1024 * 1024;
        Path dir = Path.of("target/boast-bench");
        Files.createDirectories(dir.resolve("warehouse"));
        Files.deleteIfExists(dir.resolve("warehouse/warehouse-acme.duckdb"));
        Files.deleteIfExists(dir.resolve("warehouse/warehouse-acme.duckdb.wal"));

        List<String[]> hcps = DemoHcps.of(1.0, 42);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse/warehouse-acme.duckdb")
                .toAbsolutePath())) {
            var dialect = Dialects.byId("duckdb");
            try (var s = c.createStatement()) {
                for (String sql : WarehouseSchema.createStatements(dialect, "acme")) {
                    s.execute(sql);
                }
            }
            var sink = new DuckDbAppenderSink(c, "acme");
            new io.nl2q.hub.warehouse.DemoDataGenerator(1.0, 42).generate(table -> {
                boolean keep = List.of("hcp", "product", "payer", "territory").contains(table.name());
                var writer = keep ? sink.open(table) : null;
                return new io.nl2q.hub.warehouse.RowSink.TableWriter() {
                    @Override
                    public void row(Object... values) throws java.sql.SQLException {
                        if (writer != null) {
                            writer.row(values);
                        }
                    }

                    @Override
                    public void close() throws java.sql.SQLException {
                        if (writer != null) {
                            writer.close();
                        }
                    }
                };
            });
        }

        Path csv = dir.resolve("outbox/hcp_targets_20260105.csv");
        long rows = generate(csv, hcps, targetBytes);
        long bytes = Files.size(csv);
        System.out.printf(Locale.ROOT, "file: %s, %.1f MB, %,d rows%n", csv, bytes / 1e6, rows);

        var tenancy = new TenancyProperties(List.of(new TenancyProperties.TenantConfig("acme", "ACME", "acme",
                new TenancyProperties.WarehouseConfig("duckdb", null, null, null, 2), null, List.of())));
        String memoryLimit = args.length > 1 ? args[1] : null;
        System.out.println("DuckDB memory_limit: " + (memoryLimit == null ? "DuckDB's default (80% of RAM)"
                : memoryLimit) + ", for both loads");
        var warehouseProps = new WarehouseProperties(dir.resolve("warehouse").toString(), Duration.ofMinutes(30),
                10, memoryLimit);
        var boast = new BoastProperties(Path.of("connectors/boast"), dir.resolve("work"), 0.05, 1000, 5, null,
                List.of());
        try (var registry = new WarehouseRegistry(tenancy, warehouseProps, null)) {
            var loader = new BoastLoader(new FileContracts(boast), registry, boast, new LoadProbe.Quiet());
            long start = System.nanoTime();
            InboundFile file = loader.receive("acme/outbox/" + csv.getFileName(), csv.toString());
            LoadOutcome outcome = loader.load(file);
            double hubSeconds = (System.nanoTime() - start) / 1e9;
            long hubRss = peakRssKb();
            System.out.printf(Locale.ROOT, "hub loader: %s, %,d rows loaded in %.1f s = %.1f MB/s, %.0f rows/s; "
                            + "peak RSS so far %,d MB; heap max %,d MB%n", outcome.status(), outcome.rowsLoaded(),
                    hubSeconds, bytes / 1e6 / hubSeconds, outcome.rowsLoaded() / hubSeconds, hubRss / 1024,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));

            long duckRows;
            double duckSeconds;
            try (Connection c = registry.forTenant("acme").writer().getConnection(); var s = c.createStatement()) {
                s.execute("DELETE FROM acme.hcp_target");
                s.execute("CHECKPOINT");
                start = System.nanoTime();
                duckRows = s.executeUpdate("INSERT OR REPLACE INTO acme.hcp_target "
                        + "SELECT h.hcp_id, p.product_id, c.tier, c.effective_date, '" + csv.getFileName() + "' "
                        + "FROM read_csv('" + csv.toAbsolutePath() + "', header = true, columns = {'npi': 'VARCHAR', "
                        + "'product_name': 'VARCHAR', 'tier': 'VARCHAR', 'effective_date': 'DATE'}) c "
                        + "JOIN acme.hcp h ON h.npi = c.npi "
                        + "JOIN acme.product p ON lower(p.product_name) = lower(trim(c.product_name))");
                duckSeconds = (System.nanoTime() - start) / 1e9;
            }
            System.out.printf(Locale.ROOT, "duckdb read_csv: %,d rows in %.1f s = %.1f MB/s; peak RSS %,d MB%n",
                    duckRows, duckSeconds, bytes / 1e6 / duckSeconds, peakRssKb() / 1024);
            System.out.printf(Locale.ROOT, "ratio hub / duckdb speed: %.2f%n", duckSeconds / hubSeconds);
        }
    }

    private static long generate(Path csv, List<String[]> hcps, long targetBytes) throws Exception {
        Files.createDirectories(csv.getParent());
        long rows = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("npi,product_name,tier,effective_date\n");
            LocalDate day = LocalDate.of(2020, 1, 3);
            while (written < targetBytes) {
                String date = day.toString();
                for (String[] hcp : hcps) {
                    for (String product : PRODUCTS) {
                        String line = hcp[1] + ',' + product + ',' + "ABC".charAt((int) (rows % 3)) + ',' + date
                                + '\n';
                        out.write(line);
                        written += line.length();
                        rows++;
                    }
                }
                day = day.plusDays(7);
            }
        }
        return rows;
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
