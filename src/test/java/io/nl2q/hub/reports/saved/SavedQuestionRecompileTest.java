package io.nl2q.hub.reports.saved;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.pipeline.ModelVersion;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saved questions after a change of the semantic model: two questions last compiled with an older model version, one
 * of which the current model cannot read any more. Recompiling updates both, shows the broken one's status and reason
 * in the API, and e-mails its owner once.
 */
@HubTest
class SavedQuestionRecompileTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(47933, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    static final String KEY = "acme-demo-key";
    @Autowired
    SavedQuestionRecompiler recompiler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ModelVersion versions;
    @LocalServerPort
    int port;

    private long save(String name, String question) {
        HubHttp.Reply r = new HubHttp(port).post("/api/v1/saved-questions", KEY,
                "{\"name\": \"%s_%d\", \"question\": \"%s\"}".formatted(name, System.nanoTime(), question));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("status").asText()).isEqualTo("ok");
        assertThat(r.json().path("modelVersion").asText()).isEqualTo(versions.of("acme"));
        return r.json().path("id").asLong();
    }

    @Test
    void aModelChangeRecompilesSavedQuestionsAndTellsTheOwnerOfOneThatNoLongerCompiles() throws Exception {
        long still = save("prescriber_count", "how many prescribers are there");
        long gone = save("weekly_trx", "TRx by region in 2024");
        // both were compiled with an older model; the words of the second mean nothing to the current one
        jdbc.update("UPDATE saved_question SET model_version = 'older-model', compiled_sql = 'SELECT 1',"
                + " created_by = 'alice@acme.test' WHERE saved_question_id IN (?, ?)", still, gone);
        jdbc.update("UPDATE saved_question SET question = 'the weather in Tulsa tomorrow' WHERE saved_question_id = ?",
                gone);

        assertThat(recompiler.recompileStale()).isGreaterThanOrEqualTo(1);

        HubHttp http = new HubHttp(port);
        JsonNode ok = http.get("/api/v1/saved-questions/" + still, KEY).json();
        assertThat(ok.path("status").asText()).isEqualTo("ok");
        assertThat(ok.path("modelVersion").asText()).isEqualTo(versions.of("acme"));
        assertThat(ok.path("compiledSql").asText()).as("compiled again").containsIgnoringCase("count")
                .isNotEqualTo("SELECT 1");
        assertThat(ok.has("compileError")).isFalse();
        JsonNode broken = http.get("/api/v1/saved-questions/" + gone, KEY).json();
        assertThat(broken.path("status").asText()).isEqualTo("broken");
        assertThat(broken.path("compileError").asText()).isNotBlank();
        assertThat(broken.path("modelVersion").asText()).isEqualTo(versions.of("acme"));

        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("alice@acme.test");
        assertThat(mails[0].getSubject()).contains(String.valueOf(gone)).contains("no longer compiles");
        assertThat(mails[0].getContent().toString()).contains("the weather in Tulsa tomorrow")
                .contains(broken.path("compileError").asText());

        // nothing is stale any more: a second check tells nobody again
        recompiler.recompileStale();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
