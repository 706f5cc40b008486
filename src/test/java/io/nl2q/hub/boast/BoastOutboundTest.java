package io.nl2q.hub.boast;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.ops.DeadLetter;
import io.nl2q.hub.ops.DeadLetterStore;
import io.nl2q.hub.reports.SavedQuestions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Exports to the partner's SFTP inbox and API: atomic files, checksums, retries, dead letters, replay. */
@HubTest
class BoastOutboundTest {
    @LocalServerPort
    int port;
    @Autowired
    PartnerApiStub partner;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    EmbeddedSftpServer sftp;
    @Autowired
    SavedQuestions savedQuestions;
    @Autowired
    CamelContext camel;
    HubHttp http;

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        partner.server().resetAll();
    }

    @Test
    void anExportRunOnDemandLandsInTheInboxWithChecksumAndManifestAndIsPosted() throws Exception {
        partner.server().stubFor(post(urlEqualTo(PartnerApiStub.PATH)).willReturn(aResponse().withStatus(202)));
        Reply reply = http.post("/api/v1/boast/exports/acme_tiers/run", "acme-demo-key", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String file = reply.json().path("file").asText();
        assertThat(file).startsWith("acme_tiers_").endsWith(".csv");

        Path csv = BoastFiles.inbox("acme", file);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        assertThat(reply.json().path("sha256").asText()).isEqualTo(sha);
        assertThat(Files.readString(BoastFiles.inbox("acme", file + ".sha256"))).isEqualTo(sha + "  " + file + "\n");
        String manifest = Files.readString(BoastFiles.inbox("acme", file.replace(".csv", ".manifest.json")));
        assertThat(manifest).contains("\"file\" : \"" + file + "\"").contains("\"sha256\" : \"" + sha + "\"");
        assertThat(Files.readString(csv)).startsWith("tier,hcps\n");
        try (var names = Files.list(csv.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> partner.server().verify(1,
                postRequestedFor(urlEqualTo(PartnerApiStub.PATH))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(matchingJsonPath("$.export", equalTo("acme_tiers")))));
    }

    @Test
    void aSavedQuestionIsExportedWithTheRowsItsQuestionAnswers() throws Exception {
        String question = "what was Levoxyl units last year";
        savedQuestions.save("acme", "levoxyl_units_last_year", question, null);
        Reply answer = http.ask("acme-demo-key", question);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        Reply reply = http.post("/api/v1/boast/exports/acme_levoxyl/run", "acme-demo-key", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String file = reply.json().path("file").asText();
        List<String> lines = Files.readAllLines(BoastFiles.inbox("acme", file));
        assertThat(lines).hasSize(answer.json().path("rowCount").asInt() + 1);
        var header = new ArrayList<String>();
        answer.json().path("columns").forEach(c -> header.add(c.path("name").asText()));
        assertThat(lines.get(0)).isEqualTo(String.join(",", header));
        assertThat(lines.get(1).split(",")[0]).isEqualTo(answer.json().path("rows").get(0).get(0).asText());
    }

    @Test
    void anExportOverItsRowCapIsNotSentAtAllAndIsParkedWithTheReason() {
        int parkedBefore = deadLetters.count("boast-outbound");
        var retries = new java.util.concurrent.atomic.AtomicInteger();
        EventNotifierSupport counter = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeRedeliveryEvent redelivery
                        && "acme_too_big".equals(redelivery.getExchange().getMessage().getHeader("boastExport"))) {
                    retries.incrementAndGet();
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(counter);
        Reply reply = http.post("/api/v1/boast/exports/acme_too_big/run", "acme-demo-key", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).contains("parked");
        assertThat(deadLetters.count("boast-outbound")).isEqualTo(parkedBefore + 1);
        assertThat(deadLetters.list("boast-outbound", 1).get(0).causeMessage())
                .contains("export acme_too_big has more than 5 rows: nothing was sent");
        // trying again cannot change it: parked at once, not retried with backoff
        camel.getManagementStrategy().removeEventNotifier(counter);
        assertThat(retries.get()).isZero();
        Path inbox = BoastFiles.ROOT.resolve("acme/inbox");
        if (Files.isDirectory(inbox)) {
            try (var names = Files.list(inbox)) {
                assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("acme_too_big"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void onlyAnOperatorOfTheExportsTenantMayRunIt() {
        assertThat(http.post("/api/v1/boast/exports/acme_tiers/run", "acme-viewer-key", "").status())
                .isEqualTo(403);
        Reply foreign = http.post("/api/v1/boast/exports/acme_tiers/run", "globex-demo-key", "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aPartnerApiAnswering500IsRetriedThenParkedAndReplayed() {
        partner.server().stubFor(post(urlEqualTo(PartnerApiStub.PATH)).willReturn(aResponse().withStatus(500)));
        int parkedBefore = deadLetters.count("boast-partner-post");
        assertThat(http.post("/api/v1/boast/exports/acme_tiers/run", "acme-demo-key", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.count("boast-partner-post") == parkedBefore + 1);
        // one call and three redeliveries with exponential backoff
        partner.server().verify(4, postRequestedFor(urlEqualTo(PartnerApiStub.PATH)));
        DeadLetter parked = deadLetters.list("boast-partner-post", 1).get(0);
        assertThat(parked.tenantId()).isEqualTo("acme");
        assertThat(parked.causeMessage()).contains("500");
        assertThat(parked.replayUri()).isEqualTo("seda:boast-partner-post");
        assertThat(parked.payload()).contains("\"export\":\"acme_tiers\"");

        partner.server().resetAll();
        partner.server().stubFor(post(urlEqualTo(PartnerApiStub.PATH)).willReturn(aResponse().withStatus(202)));
        Reply replayed = http.post("/api/v1/ops/dead-letters/" + parked.id() + "/replay", "acme-demo-key", "");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> partner.server().verify(1,
                postRequestedFor(urlEqualTo(PartnerApiStub.PATH))
                        .withRequestBody(matchingJsonPath("$.export", equalTo("acme_tiers")))));
        assertThat(deadLetters.count("boast-partner-post")).isEqualTo(parkedBefore + 1);
    }

    @Test
    void aPartnerApiThatTimesOutIsParkedWithItsCause() {
        partner.server().stubFor(post(urlEqualTo(PartnerApiStub.PATH))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        int parkedBefore = deadLetters.count("boast-partner-post");
        assertThat(http.post("/api/v1/boast/exports/acme_tiers/run", "acme-demo-key", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(40))
                .until(() -> deadLetters.count("boast-partner-post") == parkedBefore + 1);
        DeadLetter parked = deadLetters.list("boast-partner-post", 1).get(0);
        assertThat(parked.causeType() + " " + parked.causeMessage()).containsIgnoringCase("timeout");
    }

    @Test
    void anSftpServerDownDuringAnExportIsRetriedUntilItIsBack() throws Exception {
        sftp.stop();
        CompletableFuture<Void> back = CompletableFuture.runAsync(sftp::start,
                CompletableFuture.delayedExecutor(1200, TimeUnit.MILLISECONDS));
        try {
            Reply reply = http.post("/api/v1/boast/exports/globex_products/run", "globex-demo-key", "");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            String file = reply.json().path("file").asText();
            assertThat(file).startsWith("globex_products_");
            assertThat(Files.readString(BoastFiles.inbox("globex", file), StandardCharsets.UTF_8))
                    .startsWith("product_id,product_name\nP01,Tirosint\n");
        } finally {
            back.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theServerTakesAKeyOrAPasswordAndNothingElse() throws Exception {
        JSch jsch = new JSch();
        var byPassword = jsch.getSession("boast", "127.0.0.1", sftp.port());
        byPassword.setConfig("StrictHostKeyChecking", "no");
        byPassword.setConfig("PreferredAuthentications", "password");
        byPassword.setPassword("boast-test-password");
        byPassword.connect(5000);
        byPassword.disconnect();

        JSch withKey = new JSch();
        withKey.addIdentity("src/test/resources/boast/hub_id_rsa");
        var byKey = withKey.getSession("boast", "127.0.0.1", sftp.port());
        byKey.setConfig("StrictHostKeyChecking", "no");
        byKey.setConfig("PreferredAuthentications", "publickey");
        byKey.connect(5000);
        byKey.disconnect();

        var wrong = new JSch().getSession("boast", "127.0.0.1", sftp.port());
        wrong.setConfig("StrictHostKeyChecking", "no");
        wrong.setConfig("PreferredAuthentications", "password");
        wrong.setPassword("guess");
        assertThatThrownBy(() -> wrong.connect(5000)).isInstanceOf(JSchException.class);
    }
}
