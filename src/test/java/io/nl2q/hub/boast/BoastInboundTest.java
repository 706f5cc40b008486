package io.nl2q.hub.boast;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.camel.builder.Builder.body;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.TestEventBroker;
import io.nl2q.hub.ops.DeadLetter;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.builder.PredicateBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Partner files dropped into a tenant's outbox on the real (embedded MINA SSHD) SFTP server. */
@HubTest
class BoastInboundTest {
    private static final Duration LOADED = Duration.ofSeconds(20);
    /** hub.boast.max-load-attempts of the test settings. */
    private static final int MAX_ATTEMPTS = 3;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    CrashingLoadProbe probe;
    @Autowired
    EmbeddedSftpServer sftp;
    @Autowired
    JdbcTemplate appState;
    @Autowired
    CamelContext camel;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestEventBroker broker;
    BoastFiles files;

    @BeforeEach
    void setUp() {
        files = new BoastFiles(warehouses);
    }

    @Test
    void targetsFileWithCrlfIsLoadedMovedToDoneAndAnnounced() {
        List<String> npis = files.npis(40);
        String name = "hcp_targets_20250101.csv";
        files.forget(name);
        // the event reaches its consumer (the answer cache's invalidation route) with what was loaded
        NotifyBuilder announced = new NotifyBuilder(camel).fromRoute("query-cache-invalidate")
                .whenAnyReceivedMatches(PredicateBuilder.and(body().contains("\"subject\":\"" + name),
                        body().contains("\"type\":\"io.nl2q.hub.boast.file.loaded\""),
                        body().contains("\"table\":\"hcp_target\""), body().contains("\"rowsLoaded\":40")))
                .create();
        BoastFiles.drop("acme", name, files.targets(npis, "2025-01-01", "\r\n").getBytes(UTF_8));

        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
        assertThat(files.rows("hcp_target", name)).isEqualTo(40);
        assertThat(files.strings("SELECT DISTINCT tier FROM acme.hcp_target WHERE source_file = '" + name
                + "' ORDER BY 1")).containsExactly("A", "B", "C");
        assertThat(Files.exists(BoastFiles.inbox("acme", name + ".errors.csv"))).isFalse();
        assertThat(announced.matches(LOADED.toMillis(), TimeUnit.MILLISECONDS)).as("file.loaded event").isTrue();
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM boast_loaded_file WHERE messageId LIKE ?",
                Integer.class, name + ":%")).isEqualTo(1);
        assertThat(meters.get("hub.boast.rows").tags("tenant", "acme", "contract", "hcp_targets", "outcome",
                "loaded").counter().count()).isGreaterThanOrEqualTo(40);
        // on the Kafka topic: keyed by tenant, a structured CloudEvent
        ConsumerRecord<String, String> record = broker.event(v -> v.contains("\"subject\":\"" + name + "\""));
        assertThat(record.key()).isEqualTo("acme");
        assertThat(new String(record.headers().lastHeader("content-type").value(), UTF_8))
                .startsWith("application/cloudevents+json");
        assertThat(record.value()).contains("\"specversion\":\"1.0\"").contains("\"tenantid\":\"acme\"");
    }


    @Test
    void theSameFileTwiceIsLoadedOnce() {
        String name = "hcp_targets_20250102.csv";
        files.forget(name);
        byte[] content = files.targets(files.npis(10), "2025-01-02", "\n").getBytes(UTF_8);
        BoastFiles.drop("acme", name, content);
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
        // the partner sends it again (same name, same bytes): kept aside, not loaded again
        BoastFiles.drop("acme", name, content);
        Path duplicates = BoastFiles.handled("acme", "duplicate", "any").getParent();
        await().atMost(LOADED).until(() -> Files.isDirectory(duplicates) && Files.list(duplicates)
                .anyMatch(p -> p.getFileName().toString().endsWith(name)));
        assertThat(Files.exists(BoastFiles.ROOT.resolve("acme/outbox").resolve(name))).isFalse();
        assertThat(files.rows("hcp_target", name)).isEqualTo(10);
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM boast_loaded_file WHERE messageId LIKE ?",
                Integer.class, name + ":%")).isEqualTo(1);
    }

    @Test
    void malformedRowsAreReportedAndQuotedFieldsWithCommasAndNewlinesParsed() throws Exception {
        List<String> npis = files.npis(12);
        String name = "formulary_20250103.csv";
        files.forget(name);
        String csv = "payer_name,product_name,status,prior_auth,effective_date\n"
                + "\"Aetna\",\"Tirosint\",Preferred,true,2025-01-03\n"                          // row 2 ok, quoted
                + "Cigna,\"Flector, 1.3%\npatch\",Covered,no,2025-01-03\n"                      // row 3 bad product
                + "Cigna,Licart,Covered,N,2025-01-03\n"                                           // row 4 ok
                + "UnitedHealthcare,Synthroid,Maybe,Y,2025-01-03\n"                               // row 5 bad status
                + "Humana Medicare,Flector,Not Covered,1,2025-13-40\n";                           // row 6 bad date
        StringBuilder more = new StringBuilder(csv);
        String[] payers = {"Aetna", "Cigna", "Cash", "State Medicaid", "CVS Caremark Part D"};
        String[] products = {"Synthroid", "Levoxyl", "Unithroid"};
        for (int i = 0; i < 15; i++) {
            more.append(payers[i % 5]).append(',').append(products[i / 5]).append(",Covered,false,2025-01-03\n");
        }
        BoastFiles.drop("acme", name, more.toString().getBytes(UTF_8));
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
        assertThat(files.rows("formulary", name)).isEqualTo(17);
        Path report = BoastFiles.inbox("acme", name + ".errors.csv");
        await().atMost(LOADED).until(() -> Files.exists(report));
        String text = BoastFiles.read(report, UTF_8);
        assertThat(text).startsWith("row,column,value,reason\n")
                .contains("3,product_name,\"Flector, 1.3%\npatch\",unknown product_name")
                .contains("5,status,Maybe,\"not one of Preferred, Covered, Not Covered\"")
                .contains("6,effective_date,2025-13-40,not a date (YYYY-MM-DD)");
        assertThat(files.strings("SELECT prior_auth FROM acme.formulary WHERE source_file = '" + name
                + "' AND payer_id = 'Y3' AND product_id = 'P11'")).containsExactly("false");
        assertThat(npis).hasSize(12);
    }

    @Test
    void aFileWithTooManyBadRowsIsLoadedNotAtAll() {
        List<String> npis = files.npis(10);
        String name = "hcp_targets_20250104.csv";
        files.forget(name);
        var csv = new StringBuilder(files.targets(npis, "2025-01-04", "\n"));
        for (int i = 0; i < 5; i++) {
            csv.append("99999999").append(i).append(",Tirosint,A,2025-01-04\n");   // 9 digits: bad NPI
        }
        BoastFiles.drop("acme", name, csv.toString().getBytes(UTF_8));
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "error", name)));
        assertThat(files.rows("hcp_target", name)).isZero();
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.inbox("acme", name + ".errors.csv")));
        assertThat(BoastFiles.read(BoastFiles.inbox("acme", name + ".errors.csv"), UTF_8))
                .contains("13,npi,999999991,does not match \\d{10}");
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "error", name + ".errors.csv")));
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefusedWithAReport() {
        String wrong = "hcp_targets_20250105.csv";
        files.forget(wrong);
        BoastFiles.drop("acme", wrong, ("npi,product,tier,effective_date\n" + files.npis(1).get(0)
                + ",Tirosint,A,2025-01-05\n").getBytes(UTF_8));
        String empty = "hcp_targets_20250106.csv";
        files.forget(empty);
        BoastFiles.drop("acme", empty, new byte[0]);
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "error", wrong))
                && Files.exists(BoastFiles.handled("acme", "error", empty)));
        assertThat(files.rows("hcp_target", wrong)).isZero();
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.inbox("acme", wrong + ".errors.csv"))
                && Files.exists(BoastFiles.inbox("acme", empty + ".errors.csv")));
        assertThat(BoastFiles.read(BoastFiles.inbox("acme", wrong + ".errors.csv"), UTF_8))
                .contains("header must name the columns npi,product_name,tier,effective_date");
        assertThat(BoastFiles.read(BoastFiles.inbox("acme", empty + ".errors.csv"), UTF_8))
                .contains("empty file: no header");
    }

    @Test
    void utf8WithByteOrderMarkAndLatin1AreBothRead() {
        List<String> npis = files.npis(6);
        String bom = "hcp_targets_20250107.csv";
        files.forget(bom);
        byte[] body = files.targets(npis, "2025-01-07", "\n").getBytes(UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        BoastFiles.drop("acme", bom, withBom);
        String latin1 = "hcp_targets_20250108.csv";
        files.forget(latin1);
        String text = files.targets(npis, "2025-01-08", "\n") + npis.get(0) + ",Tirosint Crème,A,2025-01-08\n";
        BoastFiles.drop("acme", latin1, text.getBytes(ISO_8859_1));
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", bom))
                && Files.exists(BoastFiles.handled("acme", "done", latin1)));
        assertThat(files.rows("hcp_target", bom)).isEqualTo(6);
        assertThat(files.rows("hcp_target", latin1)).isEqualTo(6);
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.inbox("acme", latin1 + ".errors.csv")));
        assertThat(BoastFiles.read(BoastFiles.inbox("acme", latin1 + ".errors.csv"), UTF_8))
                .contains("8,product_name,Tirosint Crème,unknown product_name");
    }

    @Test
    void aFileStillBeingWrittenIsNotRead() throws Exception {
        List<String> npis = files.npis(30);
        String name = "hcp_targets_20250109.csv";
        files.forget(name);
        String whole = files.targets(npis, "2025-01-09", "\n");
        Path outbox = Files.createDirectories(BoastFiles.ROOT.resolve("acme/outbox"));
        Path file = outbox.resolve(name);
        // the partner writes in place, not by rename: half now, the rest a little later
        Files.writeString(file, whole.substring(0, whole.length() / 2), UTF_8);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> Files.exists(file) && files.rows("hcp_target", name) == 0);
        Files.writeString(file, whole, UTF_8);
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
        assertThat(files.rows("hcp_target", name)).isEqualTo(30);
        assertThat(Files.exists(BoastFiles.inbox("acme", name + ".errors.csv"))).isFalse();
    }

    @Test
    void aCrashInTheMiddleOfAFileLoadsNothingAndTheFileIsLoadedAgain() {
        String name = "hcp_targets_20250110.csv";
        files.forget(name);
        int before = probe.simulateCrashes(2, 5);
        BoastFiles.drop("acme", name, files.targets(files.npis(20), "2025-01-10", "\n").getBytes(UTF_8));
        await().atMost(LOADED).until(() -> probe.crashes() >= before + 1);
        assertThat(files.rows("hcp_target", name)).isZero();
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM boast_loaded_file WHERE messageId LIKE ?",
                Integer.class, name + ":%")).isZero();
        // two crashes, each counted against the file, then a load that goes through and forgets them
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
        assertThat(probe.crashes()).isEqualTo(before + 2);
        assertThat(files.rows("hcp_target", name)).isEqualTo(20);
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM boast_load_attempt WHERE file_key LIKE ?",
                Integer.class, name + ":%")).isZero();
    }

    @Test
    void aFileThatKeepsFailingIsSetAsideWithItsCauseParked() {
        String name = "hcp_targets_20250117.csv";
        files.forget(name);
        int parkedBefore = deadLetters.count("boast-inbound");
        probe.simulateCrashes(MAX_ATTEMPTS, 1);
        BoastFiles.drop("acme", name, files.targets(files.npis(4), "2025-01-17", "\n").getBytes(UTF_8));
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "error", name)));
        assertThat(files.rows("hcp_target", name)).isZero();
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.inbox("acme", name + ".errors.csv")));
        assertThat(BoastFiles.read(BoastFiles.inbox("acme", name + ".errors.csv"), UTF_8))
                .contains("not loaded: the hub failed to load this file " + MAX_ATTEMPTS + " times")
                .doesNotContain("simulated crash");
        assertThat(deadLetters.count("boast-inbound")).isEqualTo(parkedBefore + 1);
        DeadLetter parked = deadLetters.list("boast-inbound", 1).get(0);
        assertThat(parked.causeMessage()).contains("simulated crash after 1 rows");
        assertThat(parked.tenantId()).isEqualTo("acme");
        assertThat(parked.payload()).isEqualTo("acme/outbox/" + name);
        assertThat(meters.get("hub.boast.load").tags("tenant", "acme", "contract", "hcp_targets", "status",
                "REJECTED").timer().count()).isPositive();
    }

    @Test
    void theServerDownAndBackLosesNothing() {
        String name = "hcp_targets_20250111.csv";
        files.forget(name);
        sftp.stop();
        try {
            BoastFiles.drop("acme", name, files.targets(files.npis(8), "2025-01-11", "\n").getBytes(UTF_8));
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3))
                    .until(() -> files.rows("hcp_target", name) == 0);
        } finally {
            sftp.start();
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
        assertThat(files.rows("hcp_target", name)).isEqualTo(8);
    }

    @Test
    void aBrokenQuoteRefusesTheWholeFileAtItsRow() {
        List<String> npis = files.npis(3);
        String name = "hcp_targets_20250113.csv";
        files.forget(name);
        String csv = "npi,product_name,tier,effective_date\n"
                + npis.get(0) + ",Tirosint,A,2025-01-13\n"
                + npis.get(1) + ",\"Flector\" gel,B,2025-01-13\n"       // row 3: text after a closing quote
                + npis.get(2) + ",Licart,C,2025-01-13\n";
        BoastFiles.drop("acme", name, csv.getBytes(UTF_8));
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "error", name)));
        assertThat(files.rows("hcp_target", name)).isZero();
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.inbox("acme", name + ".errors.csv")));
        assertThat(BoastFiles.read(BoastFiles.inbox("acme", name + ".errors.csv"), UTF_8))
                .contains("3,,,Unexpected character after closing quote: ' ' (0x20)");
    }

    @Test
    void theLastRowOfAKeyWinsWithinAFileAndALaterFileReplacesIt() {
        List<String> npis = files.npis(2);
        String first = "hcp_targets_20250114.csv";
        String second = "hcp_targets_20250115.csv";
        files.forget(first, second);
        BoastFiles.drop("acme", first, ("npi,product_name,tier,effective_date\n"
                + npis.get(0) + ",Tirosint,A,2025-01-14\n"
                + npis.get(1) + ",Tirosint,A,2025-01-14\n"
                + npis.get(0) + ",tirosint ,C,2025-01-14\n").getBytes(UTF_8));     // the same key again: C wins
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", first)));
        assertThat(files.strings("SELECT h.npi || ':' || t.tier FROM acme.hcp_target t JOIN acme.hcp h "
                + "USING (hcp_id) WHERE t.source_file = '" + first + "' ORDER BY 1"))
                .containsExactly(npis.get(0) + ":C", npis.get(1) + ":A");
        // a later file with the same key replaces the row, and the row says which file it came from now
        BoastFiles.drop("acme", second, ("effective_date,tier,npi,product_name\n"
                + "2025-01-14,B," + npis.get(1) + ",Tirosint\n").getBytes(UTF_8));
        await().atMost(LOADED).until(() -> Files.exists(BoastFiles.handled("acme", "done", second)));
        assertThat(files.rows("hcp_target", first)).isEqualTo(1);
        assertThat(files.strings("SELECT h.npi || ':' || t.tier FROM acme.hcp_target t JOIN acme.hcp h "
                + "USING (hcp_id) WHERE t.source_file = '" + second + "'"))
                .containsExactly(npis.get(1) + ":B");
    }

    /** About 300 MB, 8 million rows: more than the test JVM's 2 GB heap could hold as parsed rows. */
    @Test
    void aFileOfSeveralHundredMegabytesIsStreamedIn() throws Exception {
        List<String> npis = files.npis(180);
        String name = "hcp_targets_20250116.csv";
        files.forget(name);
        String[] products = {"Tirosint", "Tirosint-SOL", "Synthroid", "Levoxyl", "Unithroid", "Euthyrox",
                "Levothyroxine", "Armour Thyroid", "Cytomel", "Flector", "Licart", "Pennsaid", "Voltaren Gel",
                "Diclofenac Gel"};
        Path outbox = Files.createDirectories(BoastFiles.ROOT.resolve("acme/outbox"));
        Path part = outbox.resolve(name + ".part");
        long rows = 0;
        try (var out = Files.newBufferedWriter(part, UTF_8)) {
            out.write("npi,product_name,tier,effective_date\n");
            java.time.LocalDate day = java.time.LocalDate.of(2000, 1, 1);
            for (int d = 0; Files.size(part) < 300_000_000L; d++) {
                String date = day.plusDays(d).toString();
                for (String npi : npis) {
                    for (String p : products) {
                        out.write(npi + ',' + p + ',' + "ABC".charAt((int) (rows % 3)) + ',' + date + '\n');
                        rows++;
                    }
                }
                out.flush();
            }
        }
        Files.move(part, outbox.resolve(name));
        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> Files.exists(BoastFiles.handled("acme", "done", name)));
            assertThat(files.rows("hcp_target", name)).isEqualTo(rows);
            assertThat(rows).isGreaterThan(8_000_000);
        } finally {
            files.forget(name);
        }
    }
}
