package io.nl2q.hub.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps generated rows in memory, in order, so tests can compute expectations and hashes in plain Java. */
final class CollectingSink implements RowSink {
    final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();

    static CollectingSink generate(double scale, long seed) throws Exception {
        var sink = new CollectingSink();
        new DemoDataGenerator(scale, seed).generate(sink);
        return sink;
    }

    List<List<Object>> rows(String table) {
        return tables.get(table);
    }

    /** SHA-256 over every table's rows in generation order, values with their types. */
    String sha256() throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        for (var table : tables.entrySet()) {
            digest.update(("#" + table.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
            for (var row : table.getValue()) {
                var line = new StringBuilder();
                for (Object v : row) {
                    line.append(v == null ? "\\N" : v.getClass().getSimpleName() + ":" + v).append('\t');
                }
                digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public TableWriter open(WarehouseSchema.Table table) {
        var rows = new ArrayList<List<Object>>();
        tables.put(table.name(), rows);
        return new TableWriter() {
            @Override
            public void row(Object... values) {
                if (values.length != table.columns().size()) {
                    throw new IllegalArgumentException(table.name() + ": " + values.length + " values");
                }
                rows.add(Arrays.asList(values.clone()));
            }

            @Override
            public void close() {
            }
        };
    }
}
