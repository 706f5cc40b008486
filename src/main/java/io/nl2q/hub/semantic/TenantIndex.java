package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine reads from one tenant's warehouse, once: the distinct values of every enumerated dimension (so a
 * question's words resolve to the tenant's canonical values) and the span of the data, whose end is the as-of date.
 */
record TenantIndex(Map<Field, List<String>> values, LocalDate dataFrom, LocalDate asOf) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_VALUES = 50_000;

    TenantIndex {
        values = Map.copyOf(values);
    }

    static TenantIndex read(SemanticModel model, TenantWarehouse warehouse) {
        String schema = warehouse.tenant().schema();
        Map<Field, List<String>> values = new LinkedHashMap<>();
        for (ModelTable t : model.tables()) {
            String table = schema + "." + t.physicalTable();
            for (Field f : t.fields(Field.Kind.DIMENSION)) {
                if (f.isEnum()) {
                    QueryResult r = warehouse.query("SELECT DISTINCT " + f.expr() + " FROM " + table + " WHERE "
                            + f.expr() + " IS NOT NULL", TIMEOUT, MAX_VALUES);
                    values.put(f, r.rows().stream().map(row -> String.valueOf(row.get(0))).sorted().toList());
                }
            }
        }
        Field time = model.asOfDimension().orElse(null);
        if (time == null) {
            return new TenantIndex(values, null, null);
        }
        ModelTable t = model.tableOf(time);
        QueryResult span = warehouse.query("SELECT MIN(" + time.expr() + "), MAX(" + time.expr() + ") FROM " + schema
                + "." + t.physicalTable(), TIMEOUT, 1);
        List<Object> row = span.rows().isEmpty() ? List.of() : span.rows().get(0);
        return new TenantIndex(values, date(row, 0), date(row, 1));
    }

    private static LocalDate date(List<Object> row, int i) {
        if (row.size() <= i || row.get(i) == null) {
            return null;
        }
        Object v = row.get(i);
        return v instanceof LocalDate d ? d : LocalDate.parse(Objects.toString(v).substring(0, 10));
    }
}
