package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nl2q.hub.tenancy.TenancyProperties;
import io.nl2q.hub.warehouse.DemoProperties;
import io.nl2q.hub.warehouse.DemoWarehouseInitializer;
import io.nl2q.hub.warehouse.WarehouseProperties;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * API calls and resources of the CRM sync against the in-process Salesforce stub (FakeSalesforce), printed once:
 * calls per 10,000 records pushed (sObject Collections, Bulk 2.0 ingest) and pulled (REST incremental, Bulk 2.0
 * query), then a first load of {@code accounts} and {@code calls} through the real InboundSync into a DuckDB demo
 * warehouse of a small scale: API calls, wall time, peak heap (sum of the heap pools' peaks; stub included).
 * The warehouse holds {@code stale} calls with CRM ids the org does not have, which the first load removes by set.
 * Usage: CrmSyncBenchmark [accounts=100000] [calls=1000000] [warehouseScale=0.01] [stale=224672].
 */
public final class CrmSyncBenchmark {
    private static final String TENANT = "bench";
    private static final String[] CHANNELS = {"Face_to_face_vod", "Video_vod", "Phone_vod", "Email_vod"};
    private static final String[] PRODUCTS = {"Flector", "Tirosint", "Zipsor", "Cambia"};

    private CrmSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 0.01;
        int stale = args.length > 3 ? Integer.parseInt(args[3]) : 224_672;
        boolean deletesOnly = args.length > 4 && args[4].equals("deletes-only");
        try (FakeSalesforce org = new FakeSalesforce(0)) {
            CrmProperties.Org connection = CrmTestConfig.passwordOrg(org.url());
            if (!deletesOnly) {
                perTenThousand(org, connection);
            }
            firstLoad(org, connection, deletesOnly ? 0 : accounts, deletesOnly ? 0 : calls, scale, stale);
        }
    }

    private static void perTenThousand(FakeSalesforce org, CrmProperties.Org connection) {
        int n = 10_000;
        List<Map<String, String>> insights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("Id", FakeSalesforce.syntheticId("Account", i));
            r.put(OutboundSync.INSIGHTS, "TRx up 12% over 13 weeks");
            r.put(OutboundSync.TREND, "Growing");
            r.put(OutboundSync.MESSAGE, "Discuss the new indication");
            insights.add(r);
        }
        int before = org.apiCalls.get();
        CrmAdapter.PushResult collections = adapter(connection, n, 50_000).push("Account", "Id", insights);
        int collectionCalls = org.apiCalls.get() - before;
        before = org.apiCalls.get();
        CrmAdapter.PushResult bulk = adapter(connection, 0, 50_000).push("Account", "Id", insights);
        int bulkCalls = org.apiCalls.get() - before;
        System.out.printf("push 10,000 insights: sObject Collections %d API calls (%d accepted), Bulk 2.0 ingest %d"
                + " API calls (%d accepted)%n", collectionCalls, collections.accepted(), bulkCalls, bulk.accepted());

        org.reset();
        Instant start = Instant.now().minus(Duration.ofDays(2));
        for (int i = 0; i < n; i++) {
            org.seed("Account", FakeSalesforce.syntheticId("Account", i), account(i));
        }
        CrmProperties.Accounts a = CrmTestConfig.properties(TENANT, connection, 0, 0, 1).mapping().account();
        int[] pulled = new int[2];
        CrmAdapter crm = adapter(connection, 0, 50_000);
        before = org.apiCalls.get();
        crm.changedSince("Account", a.fields(), a.where(), new CrmAdapter.Position(start, null),
                p -> pulled[0] += p.records().size());
        int restCalls = org.apiCalls.get() - before;
        before = org.apiCalls.get();
        crm.extractAll("Account", a.fields(), a.where(), p -> pulled[1] += p.records().size());
        int bulkPullCalls = org.apiCalls.get() - before;
        System.out.printf("pull 10,000 accounts: REST incremental (2,000 a page) %d API calls (%d records), Bulk 2.0"
                + " query %d API calls (%d records)%n", restCalls, pulled[0], bulkPullCalls, pulled[1]);
        org.reset();
    }

    private static CrmAdapter adapter(CrmProperties.Org connection, int collectionsMax, int bulkPage) {
        CrmProperties properties = CrmTestConfig.properties(TENANT, connection, collectionsMax, bulkPage, 1.0);
        LimitsGovernor governor = new LimitsGovernor(properties, new SimpleMeterRegistry());
        return new CrmAdapters(properties, governor, new ObjectMapper()).forTenant(TENANT);
    }

    private static void firstLoad(FakeSalesforce org, CrmProperties.Org connection, int accounts, int calls,
                                  double scale, int stale) throws Exception {
        org.synthesize("Account", accounts, CrmSyncBenchmark::account);
        org.synthesize("Call2_vod__c", calls, call(accounts));

        Path dir = Files.createTempDirectory("crm-bench");
        var tenant = new TenancyProperties.TenantConfig(TENANT, null, TENANT,
                new TenancyProperties.WarehouseConfig("duckdb", null, null, null, 2),
                new TenancyProperties.DemoData(scale, 42), List.of());
        var tenancy = new TenancyProperties(List.of(tenant));
        var warehouseProperties = new WarehouseProperties(dir.toString(), Duration.ofMinutes(5), 1000, null);
        long t0 = System.nanoTime();
        try (var warehouses = new WarehouseRegistry(tenancy, warehouseProperties,
                new DemoWarehouseInitializer(tenancy, warehouseProperties, new DemoProperties(false)))) {
            System.out.printf("warehouse: DuckDB demo data at scale %s generated in %.1f s%n", scale,
                    (System.nanoTime() - t0) / 1e9);
            var appState = new DriverManagerDataSource("jdbc:h2:mem:crm-bench;DB_CLOSE_DELAY=-1");
            JdbcTemplate jdbc = new JdbcTemplate(appState);
            for (String migration : List.of("V50__crm_sync_state.sql", "V70__crm_sync_runs_and_pending_calls.sql")) {
                String sql = new String(CrmSyncBenchmark.class.getResourceAsStream("/db/migration/" + migration)
                        .readAllBytes(), StandardCharsets.UTF_8);
                for (String ddl : sql.replaceAll("--[^\n]*", "").split(";")) {
                    if (!ddl.isBlank()) {
                        jdbc.execute(ddl);
                    }
                }
            }
            // rows a first load must remove: calls of an earlier org the warehouse still holds (ids the org lacks)
            var seed = new JdbcTemplate(warehouses.forTenant(TENANT).writer());
            seed.execute("INSERT INTO bench.call_activity (call_id, call_date, hcp_id, territory_id, product_id,"
                    + " channel, duration_min, crm_call_id) SELECT 'OLD' || CAST(r.range AS VARCHAR), DATE '2024-06-03',"
                    + " h.hcp_id, h.territory_id, 'P01', 'Phone', 5, 'a04OLD' || LPAD(CAST(r.range AS VARCHAR), 9, '0')"
                    + " || 'AAA' FROM range(" + stale + ") r, (SELECT hcp_id, territory_id FROM bench.hcp LIMIT 1) h");
            long staleRows = seed.queryForObject("SELECT COUNT(*) FROM bench.call_activity WHERE crm_call_id IS NOT"
                    + " NULL", Long.class);
            CrmProperties properties = CrmTestConfig.properties(TENANT, connection, 2000, 50_000, 0.8);
            LimitsGovernor governor = new LimitsGovernor(properties, new SimpleMeterRegistry());
            // the data-change announcements go to a log endpoint here: no cache listens in a benchmark
            var camel = new org.apache.camel.impl.DefaultCamelContext();
            var events = new java.util.Properties();
            events.put("hub.events.publish-uri", "log:crm-bench-events?level=DEBUG");
            camel.getPropertiesComponent().setInitialProperties(events);
            camel.start();
            var json = new ObjectMapper();
            var adapters = new CrmAdapters(properties, governor, json);
            var loader = new WarehouseLoader(properties);
            var state = new SyncState(jdbc);
            var pending = new PendingCalls(jdbc, json);
            var inbound = new InboundSync(adapters, warehouses, loader, state, pending,
                    new AccountIntake(loader, state, new ConflictParking(camel.createProducerTemplate()), properties,
                            json), new CallIntake(loader, pending, properties), new CrmRuns(jdbc, adapters, json),
                    properties, governor, new io.nl2q.hub.events.HubEvents(camel, camel.createProducerTemplate(), json),
                    json);

            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            int before = org.apiCalls.get();
            long start = System.nanoTime();
            SyncReport report = inbound.pull(TENANT);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            var check = new JdbcTemplate(warehouses.forTenant(TENANT).writer());
            long hcps = check.queryForObject("SELECT COUNT(*) FROM bench.hcp WHERE crm_account_id IS NOT NULL",
                    Long.class);
            long callRows = check.queryForObject("SELECT COUNT(*) FROM bench.call_activity WHERE crm_call_id IS NOT"
                    + " NULL", Long.class);
            // the stale rows once more, removed by the loader alone: what the first load's deletes cost
            seed.execute("INSERT INTO bench.call_activity (call_id, call_date, hcp_id, territory_id, product_id,"
                    + " channel, duration_min, crm_call_id) SELECT 'OLD' || CAST(r.range AS VARCHAR), DATE '2024-06-03',"
                    + " h.hcp_id, h.territory_id, 'P01', 'Phone', 5, 'a04OLD' || LPAD(CAST(r.range AS VARCHAR), 9, '0')"
                    + " || 'AAA' FROM range(" + stale + ") r, (SELECT hcp_id, territory_id FROM bench.hcp LIMIT 1) h");
            java.util.Set<String> ids = new java.util.HashSet<>(seed.queryForList("SELECT crm_call_id FROM"
                    + " bench.call_activity WHERE call_id LIKE 'OLD%'", String.class));
            long d0 = System.nanoTime();
            int deleted = loader.deleteCalls(warehouses.forTenant(TENANT), ids);
            System.out.printf("set-wise delete of %,d stale call rows (%,d ids a statement): %.1f s%n", deleted,
                    WarehouseLoader.SET_BATCH, (System.nanoTime() - d0) / 1e9);
            System.out.printf("first load of %,d accounts and %,d calls (Bulk 2.0, %,d-record result pages) over a"
                    + " warehouse holding %,d calls with CRM ids: mode %s, %d API calls, %.1f s wall (%,d stale calls"
                    + " deleted by set), peak heap %,d MB (max heap %,d MB); warehouse now has %,d HCPs and %,d calls"
                    + " with a CRM id (%,d not submitted, %,d pending)%n", accounts, calls,
                    properties.sync().bulkResultPageSize(), staleRows, report.mode(), org.apiCalls.get() - before,
                    seconds, report.deletedCalls(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20, hcps, callRows,
                    report.unsubmittedCalls(), report.pendingCalls());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Map<String, Object> account(int i) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("FirstName", "First" + i);
        a.put("LastName", "Last" + i);
        a.put("NPI_vod__c", String.valueOf(1_800_000_000L + i));
        a.put("Specialty_1_vod__c", i % 3 == 0 ? "Endocrinology" : "Rheumatology");
        a.put("Territory_vod__c", "T0" + (1 + i % 5));
        a.put("PDRP_Opt_Out_vod__c", i % 50 == 0);
        return a;
    }

    private static IntFunction<Map<String, Object>> call(int accounts) {
        return i -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Account_vod__c", FakeSalesforce.syntheticId("Account", i % accounts));
            c.put("Call_Date_vod__c", java.time.LocalDate.of(2025, 1, 1).plusDays(i % 330).toString());
            c.put("Call_Channel_vod__c", CHANNELS[i % CHANNELS.length]);
            c.put("Duration_vod__c", 10 + i % 20);
            c.put("Detailed_Products_vod__c", PRODUCTS[i % PRODUCTS.length]);
            c.put("Status_vod__c", i % 20 == 0 ? "Saved_vod" : "Submitted_vod");
            return c;
        };
    }
}
