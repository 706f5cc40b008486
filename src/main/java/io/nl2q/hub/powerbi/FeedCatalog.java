package io.nl2q.hub.powerbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nl2q.hub.pipeline.ExecuteStep;
import io.nl2q.hub.pipeline.PiiMask;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.reports.SavedQuestion;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.TenantWarehouse;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds what a caller sees through the feed: every table of its tenant's warehouse and every saved question of its
 * tenant, each with the columns the warehouse reports for it, minus the PII columns the caller's roles may not see.
 * Column lists are read by running the source with a one-row cap through the guard, and cached per tenant.
 */
@Component
class FeedCatalog {
    static final String SAVED_PREFIX = "saved_";
    static final String SAVED_CTE = "nl2q_saved";
    private final WarehouseRegistry warehouses;
    private final SavedQuestions savedQuestions;
    private final QueryGenerator generator;
    private final ExecuteStep execute;
    private final ODataProperties properties;
    private final PiiMask pii;
    private final Cache<String, List<QueryResult.ResultColumn>> columns;

    FeedCatalog(WarehouseRegistry warehouses, SavedQuestions savedQuestions, QueryGenerator generator,
                ExecuteStep execute, ODataProperties properties, PiiMask pii) {
        this.warehouses = warehouses;
        this.savedQuestions = savedQuestions;
        this.generator = generator;
        this.execute = execute;
        this.properties = properties;
        this.pii = pii;
        this.columns = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(Duration.ofSeconds(properties.metadataTtlSeconds())).build();
    }

    FeedModel model(Caller caller) {
        TenantWarehouse warehouse = warehouses.forTenant(caller.tenant().id());
        boolean seesPii = pii.seesPii(caller);
        var sets = new ArrayList<FeedSet>();
        for (String table : new java.util.TreeSet<>(warehouse.tables())) {
            sets.add(tableSet(caller, warehouse, table, seesPii));
        }
        for (SavedQuestion saved : savedQuestions.list(caller.tenant().id())) {
            sets.add(savedSet(caller, warehouse, saved, seesPii));
        }
        return FeedModel.of(caller.tenant().id(), sets);
    }

    /** The SQL a saved question stands for: its own, or what the query generator makes of its question now. */
    String savedSql(Caller caller, SavedQuestion saved) {
        return saved.sqlFor(caller, generator);
    }

    private FeedSet tableSet(Caller caller, TenantWarehouse warehouse, String table, boolean seesPii) {
        Optional<WarehouseSchema.Table> known = WarehouseSchema.TABLES.stream()
                .filter(t -> t.name().equals(table)).findFirst();
        List<QueryResult.ResultColumn> read = columns.get(caller.tenant().id() + "|table|" + table,
                k -> probe(caller, warehouse, "SELECT * FROM " + SqlNames.table(table, warehouse.dialect())));
        var cols = new ArrayList<FeedColumn>();
        for (QueryResult.ResultColumn c : read) {
            String name = c.name().toLowerCase(Locale.ROOT);
            if (!seesPii && properties.piiColumns().contains(table + "." + name)) {
                continue;
            }
            boolean nullable = known.flatMap(t -> t.columns().stream().filter(k -> k.name().equals(name)).findFirst())
                    .map(WarehouseSchema.Column::nullable).orElse(true);
            cols.add(new FeedColumn(FeedColumn.propertyName(name), name, FeedColumn.typeOf(c.type()), nullable));
        }
        Set<String> present = new HashSet<>(cols.stream().map(FeedColumn::sqlLabel).toList());
        List<String> keys = known.map(WarehouseSchema.Table::primaryKey).filter(present::containsAll)
                .orElse(List.of());
        return new FeedSet(table, FeedSet.Kind.TABLE, table, cols, keys);
    }

    private FeedSet savedSet(Caller caller, TenantWarehouse warehouse, SavedQuestion saved, boolean seesPii) {
        String sql = savedSql(caller, saved);
        List<QueryResult.ResultColumn> read = columns.get(caller.tenant().id() + "|saved|" + saved.name() + "|" + sql,
                k -> probe(caller, warehouse, "WITH " + SAVED_CTE + " AS (" + sql + ") SELECT * FROM " + SAVED_CTE));
        Set<String> piiNames = new HashSet<>();
        properties.piiColumns().forEach(p -> piiNames.add(p.substring(p.indexOf('.') + 1)));
        var cols = new ArrayList<FeedColumn>();
        var used = new HashSet<String>();
        used.add(FeedSet.ROW_KEY);
        for (QueryResult.ResultColumn c : read) {
            if (!seesPii && piiNames.contains(c.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String property = FeedColumn.propertyName(c.name());
            while (!used.add(property)) {
                property = property + "_";
            }
            cols.add(new FeedColumn(property, c.name(), FeedColumn.typeOf(c.type()), true));
        }
        return new FeedSet(SAVED_PREFIX + saved.name(), FeedSet.Kind.SAVED_QUESTION, sql, cols, List.of());
    }

    private List<QueryResult.ResultColumn> probe(Caller caller, TenantWarehouse warehouse, String sql) {
        return execute.guardedRead(sql, warehouse, 1).columns();
    }
}
