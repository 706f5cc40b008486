package io.nl2q.hub.warehouse;

import java.nio.file.Path;
import java.util.HashMap;

/**
 * Generates one tenant's demo DuckDB file without Spring; the documented regeneration command and the generation
 * benchmark:
 * {@code java -cp <classpath> io.nl2q.hub.warehouse.DemoDataCommand --out data/warehouse/acme.duckdb --schema acme
 * --scale 1.0 --seed 42}
 */
public final class DemoDataCommand {
    private DemoDataCommand() {
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("out")) {
            usage("--out is required");
        }
        String schema = options.getOrDefault("schema", "acme");
        double scale = Double.parseDouble(options.getOrDefault("scale", "1.0"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Path out = Path.of(options.get("out"));
        long started = System.nanoTime();
        var counts = new DemoWarehouseFile(out, new io.nl2q.hub.tenancy.TenantRef(schema, schema).schema())
                .generate(scale, seed);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("generated %s (schema %s, scale %s, seed %d) in %.1f s, %d bytes%n", out, schema, scale,
                seed, seconds, java.nio.file.Files.size(out));
        counts.forEach((table, rows) -> System.out.printf("  %-14s %,12d rows%n", table, rows));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: DemoDataCommand --out <file.duckdb> [--schema acme] [--scale 1.0] [--seed 42]");
        System.exit(2);
    }
}
