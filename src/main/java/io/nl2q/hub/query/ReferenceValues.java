package io.nl2q.hub.query;

import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.TenantWarehouse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Distinct values of a few dimension columns, read from each tenant's own warehouse, so a question's words are matched
 * against what the tenant actually has (a product name is never pasted from the question into SQL).
 */
@Component
class ReferenceValues {
    private static final Map<String, String> SOURCES = Map.of(
            "product_name", "SELECT DISTINCT product_name FROM product",
            "region", "SELECT DISTINCT region FROM territory");
    private static final Set<String> COLUMNS = SOURCES.keySet();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    Optional<String> match(TenantWarehouse warehouse, String column, String words) {
        if (!COLUMNS.contains(column)) {
            throw new IllegalArgumentException("no reference values for " + column);
        }
        String wanted = words.strip().toLowerCase(Locale.ROOT);
        return values(warehouse, column).stream().filter(v -> v.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private List<String> values(TenantWarehouse warehouse, String column) {
        return cache.computeIfAbsent(warehouse.tenant().id() + "/" + column, key -> {
            String sql = SOURCES.get(column).replace(" FROM ", " FROM " + warehouse.tenant().schema() + ".");
            QueryResult result = warehouse.query(sql, Duration.ofSeconds(10), 10_000);
            return result.rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        });
    }
}
