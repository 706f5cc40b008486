package io.nl2q.hub.warehouse;

import io.nl2q.hub.tenancy.TenancyProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

/** SQLite: one file per tenant, no schema, dates as ISO text, loaded through batched INSERTs. */
class SqliteWarehouseContractTest extends WarehouseContractTest {
    private Path dir;

    @Override
    TenancyProperties.TenantConfig startAndLoad() throws Exception {
        dir = Files.createTempDirectory("warehouse-sqlite");
        String url = "jdbc:sqlite:" + dir.resolve("acme.db");
        SqlDialect sqlite = Dialects.byId("sqlite");
        try (var c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String ddl : WarehouseSchema.createStatements(sqlite, "acme")) {
                    s.execute(ddl);
                }
            }
            new DemoDataGenerator(SCALE, SEED).generate(new JdbcBatchSink(c, sqlite, null));
            c.commit();
        }
        return new TenancyProperties.TenantConfig("acme", "Acme", "acme",
                new TenancyProperties.WarehouseConfig("sqlite", url, null, null, 1), null, null);
    }

    @Override
    WarehouseProperties properties() {
        return new WarehouseProperties(dir.toString(), null, null, null);
    }

    @Override
    String dateType() {
        return "string";
    }

    @Override
    void stop() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
