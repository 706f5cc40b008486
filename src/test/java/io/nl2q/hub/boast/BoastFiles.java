package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The partner's side of the exchange folders in tests, and what landed in the acme warehouse. */
final class BoastFiles {
    static final Path ROOT = Path.of("target/test-data/boast");
    private final WarehouseRegistry warehouses;

    BoastFiles(WarehouseRegistry warehouses) {
        this.warehouses = warehouses;
    }

    /** Drops a file the way a careful partner does: written under a temporary name, then renamed. */
    static Path drop(String tenant, String name, byte[] content) {
        try {
            Path outbox = Files.createDirectories(ROOT.resolve(tenant).resolve("outbox"));
            Path part = outbox.resolve(name + ".part");
            Files.write(part, content);
            return Files.move(part, outbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path handled(String tenant, String folder, String name) {
        return ROOT.resolve(tenant).resolve(folder).resolve(LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE))
                .resolve(name);
    }

    static Path inbox(String tenant, String name) {
        return ROOT.resolve(tenant).resolve("inbox").resolve(name);
    }

    static String read(Path file, Charset charset) {
        try {
            return Files.readString(file, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what an earlier run loaded from {@code sourceFile} (the test warehouse file outlives a run). */
    void forget(String... sourceFiles) {
        try (Connection c = warehouses.forTenant("acme").writer().getConnection(); var s = c.createStatement()) {
            for (String f : sourceFiles) {
                s.execute("DELETE FROM acme.hcp_target WHERE source_file = '" + f + "'");
                s.execute("DELETE FROM acme.formulary WHERE source_file = '" + f + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> npis(int n) {
        return strings("SELECT npi FROM acme.hcp ORDER BY hcp_id LIMIT " + n);
    }

    long rows(String table, String sourceFile) {
        return Long.parseLong(strings("SELECT COUNT(*) FROM acme." + table + " WHERE source_file = '" + sourceFile
                + "'").get(0));
    }

    List<String> strings(String sql) {
        try (Connection c = warehouses.forTenant("acme").writer().getConnection();
             var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            var out = new ArrayList<String>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid targets file: one row per NPI, product and tier cycling, all effective on {@code date}. */
    String targets(List<String> npis, String date, String newline) {
        String[] products = {"Tirosint", "Tirosint-SOL", "Flector", "Licart"};
        var sb = new StringBuilder("npi,product_name,tier,effective_date").append(newline);
        for (int i = 0; i < npis.size(); i++) {
            sb.append(npis.get(i)).append(',').append(products[i % products.length]).append(',')
                    .append("ABC".charAt(i % 3)).append(',').append(date).append(newline);
        }
        return sb.toString();
    }
}
