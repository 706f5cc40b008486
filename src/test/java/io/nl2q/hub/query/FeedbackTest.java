package io.nl2q.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feedback over HTTP turns right answers into verified queries of the tenant, which later questions are answered from. */
@HubTest
class FeedbackTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Caller ACME = new Caller(new TenantRef("acme", "acme"), "key:test", Set.of(Role.ANALYST));
    static final Caller GLOBEX = new Caller(new TenantRef("globex", "globex"), "key:test", Set.of(Role.ANALYST));
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate appState;
    @Autowired
    VerifiedQueries verified;
    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void aRightAnswerIsAnsweredFromItsVerifiedQueryNextTimeInItsTenantOnly() {
        String question = "top 10 prescribers by TRx for Tirosint in Q4 2024";
        JsonNode first = ok(http.ask("acme-demo-key", question));
        JsonNode receipt = ok(feedback("acme-demo-key", first.path("queryId").asText(), true, null));
        assertThat(receipt.path("verified").asBoolean()).isTrue();
        assertThat(receipt.path("verifiedQueryId").asLong()).isPositive();

        JsonNode again = ok(http.ask("acme-demo-key", "Top 10 prescribers by TRx for Tirosint in Q4 2024?"));
        assertThat(again.path("engine").asText()).isEqualTo("verified");
        assertThat(again.path("cached").asBoolean()).isFalse();
        assertThat(again.path("rows")).isEqualTo(first.path("rows"));
        assertThat(again.path("explanation").asText()).contains("verified").contains(question);
        assertThat(again.path("sql").asText()).contains("acme.");

        JsonNode globex = ok(http.ask("globex-demo-key", question));
        assertThat(globex.path("engine").asText()).isNotEqualTo("verified");
        assertThat(globex.path("rows")).isNotEqualTo(first.path("rows"));
    }

    @Test
    void aWrongAnswerWithCorrectedSqlIsAnsweredWithTheCorrectionAndAWrongVerdictWithdrawsIt() {
        String question = "how many prescribers are there?";
        JsonNode first = ok(http.ask("acme-demo-key", question));
        JsonNode corrected = ok(feedback("acme-demo-key", first.path("queryId").asText(), false,
                "SELECT COUNT(DISTINCT specialty) AS specialties FROM hcp"));
        assertThat(corrected.path("verified").asBoolean()).isTrue();
        JsonNode fixed = ok(http.ask("acme-demo-key", question));
        assertThat(fixed.path("engine").asText()).isEqualTo("verified");
        assertThat(fixed.path("columns").get(0).path("name").asText()).isEqualTo("specialties");

        JsonNode withdrawn = ok(feedback("acme-demo-key", fixed.path("queryId").asText(), false, null));
        assertThat(withdrawn.path("verified").asBoolean()).isFalse();
        assertThat(withdrawn.path("withdrawn").asBoolean()).isTrue();
        JsonNode back = ok(http.ask("acme-demo-key", question));
        assertThat(back.path("engine").asText()).isNotEqualTo("verified");
        assertThat(back.path("rows")).isEqualTo(first.path("rows"));
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM query_feedback WHERE tenant_id = 'acme' AND query_id IN (?, ?)",
                Integer.class, first.path("queryId").asText(), fixed.path("queryId").asText())).isEqualTo(2);
    }

    @Test
    void correctionsThatTheGuardRefusesAreRefusedAndNeverStored() {
        String id = ok(http.ask("acme-demo-key", "TRx by region for Flector in 2025")).path("queryId").asText();
        for (String sql : List.of("DROP TABLE hcp", "SELECT * FROM globex.hcp", "SELECT 1; DELETE FROM hcp")) {
            HubHttp.Reply r = feedback("acme-demo-key", id, false, sql);
            assertThat(r.status()).as(sql).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("SQL_REJECTED");
        }
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM verified_query WHERE source_query_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void aVerifiedQueryStillGoesThroughTheGuard() {
        // as if the store had been tampered with: the flow must still refuse to run it
        verified.verify(ACME, "hcps of the other tenant", "SELECT * FROM globex.hcp", "test");
        HubHttp.Reply r = http.ask("acme-demo-key", "HCPs of the other tenant");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("SQL_REJECTED");
    }

    @Test
    void feedbackIsRefusedForViewersUnknownAnswersAndOtherTenantsAnswers() {
        String id = ok(http.ask("acme-demo-key", "list the reps in the West")).path("queryId").asText();
        awaitAudited(id);
        assertThat(feedback("acme-viewer-key", id, true, null).status()).isEqualTo(403);
        assertThat(feedback(null, id, true, null).status()).isEqualTo(401);
        HubHttp.Reply foreign = feedback("globex-demo-key", id, true, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(feedback("acme-demo-key", "no-such-answer", true, null).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/feedback", "acme-demo-key", "{\"queryId\": \"" + id + "\"}").errorCode())
                .isEqualTo("BAD_REQUEST");
        assertThat(http.post("/api/v1/feedback", "acme-demo-key", "not json").errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aParaphraseTheEngineDeclinesIsAnsweredFromTheVerifiedQueryWithTheSameValuesAndNumbers() {
        verified.verify(ACME, "top 10 prescribers by TRx for Tirosint in Q4 2024",
                "SELECT 'tirosint' AS v FROM product WHERE product_name = 'Tirosint'", "test");
        QueryGenerator declines = (q, c) -> {
            throw new HubException(ErrorCode.UNANSWERABLE, Phase.GENERATE, "no", List.of("try this"), null);
        };
        CompositeQueryGenerator composite = new CompositeQueryGenerator(declines, verified, List.of());
        GeneratedQuery paraphrase = composite.generate(
                new Question("who were the ten biggest Tirosint prescribers by TRx in Q4 2024"), ACME);
        assertThat(paraphrase.engine()).isEqualTo("verified");
        assertThat(paraphrase.sql()).contains("'Tirosint'");
        for (String other : List.of("who were the ten biggest Flector prescribers by TRx in Q4 2024",
                "who were the ten biggest Tirosint prescribers by TRx in Q3 2024",
                "who were the 20 biggest Tirosint prescribers by TRx in Q4 2024",
                "what will the weather be tomorrow")) {
            assertThatThrownBy(() -> composite.generate(new Question(other), ACME)).as(other)
                    .isInstanceOfSatisfying(HubException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNANSWERABLE);
                        assertThat(e.suggestions()).containsExactly("try this");
                    });
        }
        assertThatThrownBy(() -> composite.generate(
                new Question("who were the ten biggest Tirosint prescribers by TRx in Q4 2024"), GLOBEX))
                .isInstanceOf(HubException.class);
    }

    private HubHttp.Reply feedback(String key, String queryId, boolean correct, String sql) {
        awaitAudited(queryId);
        var body = JSON.createObjectNode().put("queryId", queryId).put("correct", correct).put("comment", "test");
        if (sql != null) {
            body.put("sql", sql);
        }
        return http.post("/api/v1/feedback", key, body.toString());
    }

    private void awaitAudited(String queryId) {
        if (!queryId.equals("no-such-answer")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> appState.queryForObject(
                    "SELECT COUNT(*) FROM query_audit WHERE query_id = ?", Integer.class, queryId) > 0);
        }
    }

    private static JsonNode ok(HubHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
