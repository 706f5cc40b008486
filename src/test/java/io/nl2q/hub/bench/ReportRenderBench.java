package io.nl2q.hub.bench;

import io.nl2q.hub.reports.render.CsvRenderer;
import io.nl2q.hub.reports.render.XlsxRenderer;
import io.nl2q.hub.warehouse.QueryResult;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Time and heap to render a 100,000-row report as CSV and as XLSX (the shape of a territory file: ids, names, a
 * date, counts, an amount). Prints figures; not a test. Run with the test classpath:
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) io.nl2q.hub.bench.ReportRenderBench}
 */
public final class ReportRenderBench {
    private ReportRenderBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<QueryResult.ResultColumn> columns = List.of(new QueryResult.ResultColumn("hcp_id", "string"),
                new QueryResult.ResultColumn("full_name", "string"), new QueryResult.ResultColumn("week_ending", "date"),
                new QueryResult.ResultColumn("trx", "integer"), new QueryResult.ResultColumn("nrx", "integer"),
                new QueryResult.ResultColumn("amount", "decimal"));
        List<List<Object>> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            data.add(List.of(String.format("H%06d", i), "Dr. Ana-Lucía O'Brien " + i, "2026-0" + (1 + i % 9) + "-1"
                    + (i % 9), (long) (i % 500), (long) (i % 120), new BigDecimal(i % 10_000).movePointLeft(2)));
        }
        for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up; the last is reported
            measure("csv", rows, round == 2, out -> CsvRenderer.write(columns, data, out));
            measure("xlsx", rows, round == 2, out -> XlsxRenderer.write("bench", columns, data, out));
        }
    }

    private static void measure(String format, int rows, boolean print,
                                java.util.function.Consumer<ByteArrayOutputStream> render) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        var out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        render.accept(out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (print) {
            System.out.printf("%s: %,d rows in %,d ms, %,d bytes, heap peak %,d MB above the %,d MB held before%n",
                    format, rows, ms, out.size(), (peak - before) >> 20, before >> 20);
        }
    }
}
