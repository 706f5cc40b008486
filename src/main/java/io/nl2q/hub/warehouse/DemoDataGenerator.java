package io.nl2q.hub.warehouse;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo warehouse's rows, exactly as warehouse-schema.md describes them. Deterministic: the same scale and seed
 * write the same rows in the same order on any machine (seeded SplittableRandom streams, StrictMath, no hash
 * iteration, no clock). Row counts of hcp, rx_weekly and call_activity grow linearly with the scale.
 */
public final class DemoDataGenerator {
    /** Bump whenever the rows for a given scale and seed change, so that stored demo files are regenerated. */
    public static final String VERSION = "1";

    private final double scale;
    private final long seed;

    public DemoDataGenerator(double scale, long seed) {
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException("scale must be in (0, 100]: " + scale);
        }
        this.scale = scale;
        this.seed = seed;
    }

    /** Writes all eight tables (hcp_target and formulary stay empty); returns the rows written per table. */
    public Map<String, Long> generate(RowSink sink) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        var population = new HcpPopulation(scale, seed);
        counts.put("territory", writeTerritories(sink));
        counts.put("hcp", writeHcps(sink, population));
        counts.put("product", writeProducts(sink));
        counts.put("payer", writePayers(sink));
        var calls = new CallGenerator(population, seed);
        float[][] callImpact;
        try (var out = sink.open(WarehouseSchema.CALL_ACTIVITY)) {
            callImpact = calls.generate(out);
        }
        counts.put("call_activity", calls.calls());
        var rx = new RxGenerator(population, seed);
        try (var out = sink.open(WarehouseSchema.RX_WEEKLY)) {
            rx.generate(callImpact, out);
        }
        counts.put("rx_weekly", rx.rows());
        for (var empty : java.util.List.of(WarehouseSchema.HCP_TARGET, WarehouseSchema.FORMULARY)) {
            sink.open(empty).close();
            counts.put(empty.name(), 0L);
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    private long writeTerritories(RowSink sink) throws SQLException {
        var random = new DemoRandom(seed, 4);
        var territories = DemoReference.TERRITORIES;
        try (var out = sink.open(WarehouseSchema.TERRITORY)) {
            for (int i = 0; i < territories.size(); i++) {
                var t = territories.get(i);
                String rep = DemoReference.FIRST_NAMES.get(random.below(DemoReference.FIRST_NAMES.size())) + " "
                        + DemoReference.LAST_NAMES.get(random.below(DemoReference.LAST_NAMES.size()));
                out.row(DemoReference.territoryId(i), t.name(), DemoReference.region(i), t.state(), rep);
            }
        }
        return territories.size();
    }

    private static long writeHcps(RowSink sink, HcpPopulation population) throws SQLException {
        try (var out = sink.open(WarehouseSchema.HCP)) {
            for (var h : population.hcps) {
                var territory = DemoReference.TERRITORIES.get(h.territory);
                out.row(h.id, h.npi, h.firstName, h.lastName, h.firstName + " " + h.lastName,
                        DemoReference.SPECIALTIES.get(h.specialty).name(), h.decile, territory.name(),
                        territory.state(), DemoReference.territoryId(h.territory), h.crmAccountId);
            }
        }
        return population.hcps.size();
    }

    private static long writeProducts(RowSink sink) throws SQLException {
        var products = DemoReference.PRODUCTS;
        try (var out = sink.open(WarehouseSchema.PRODUCT)) {
            for (int i = 0; i < products.size(); i++) {
                var p = products.get(i);
                out.row(DemoReference.productId(i), p.name(), p.molecule(), p.market(), p.manufacturer(),
                        p.promoted());
            }
        }
        return products.size();
    }

    private static long writePayers(RowSink sink) throws SQLException {
        var payers = DemoReference.PAYERS;
        try (var out = sink.open(WarehouseSchema.PAYER)) {
            for (int i = 0; i < payers.size(); i++) {
                out.row(DemoReference.payerId(i), payers.get(i).name(), payers.get(i).channel());
            }
        }
        return payers.size();
    }
}
