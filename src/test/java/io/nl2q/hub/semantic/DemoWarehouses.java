package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.DemoDataCommand;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small demo warehouse the engine's tests and the eval run on: generated once by the warehouse team's
 * deterministic generator (scale 0.05, seed 42: about 17 MB, 2 s) and reused while it exists.
 */
public final class DemoWarehouses {
    public static final String SCHEMA = "acme";

    private DemoWarehouses() {
    }

    public static synchronized Path acme() throws Exception {
        // named like the hub's own files: a file named after the schema would make "acme.x" ambiguous in DuckDB
        Path file = Path.of("target/semantic/warehouse-" + SCHEMA + ".duckdb");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            DemoDataCommand.main(new String[] {"--out", file.toString(), "--schema", SCHEMA, "--scale", "0.05",
                    "--seed", "42"});
        }
        return file;
    }
}
