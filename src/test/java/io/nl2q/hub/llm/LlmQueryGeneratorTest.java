package io.nl2q.hub.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.pipeline.GeneratedQuery;
import io.nl2q.hub.pipeline.GuardStep;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.query.VerifiedQueries;
import io.nl2q.hub.retrieval.ModelRetrieval;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The LLM generator against a WireMock stub of the OpenAI chat-completions API, with the hub's real guard, warehouse,
 * retrieval and verified queries: answers, refusals the guard must make, repair, 429, 5xx, timeouts, budget.
 */
@HubTest
class LlmQueryGeneratorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Caller ACME = new Caller(new TenantRef("acme", "acme"), "key:test", Set.of(Role.VIEWER));
    static final HubException DECLINED = new HubException(ErrorCode.UNANSWERABLE, Phase.GENERATE,
            "I cannot answer that question yet.", List.of("list the reps in the West"), null);
    static WireMockServer provider;
    @Autowired
    GuardStep guard;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    ModelRetrieval model;
    @Autowired
    VerifiedQueries verified;
    @Autowired
    MeterRegistry meters;
    MutableClock clock;
    LlmQueryGenerator llm;

    @BeforeAll
    static void startProvider() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void generator() {
        provider.resetAll();
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        llm = generator(properties(1.0, Duration.ofSeconds(2)));
    }

    @Test
    void sqlFromTheModelIsGuardedTestRunAndCounted() {
        reply("SELECT COUNT(*) AS hcps FROM hcp", 1200, 30);
        double tokensBefore = counter("hub.llm.tokens", "input");
        GeneratedQuery q = llm.generate(new Question("how big is our prescriber universe"), ACME, DECLINED);
        assertThat(q.engine()).isEqualTo("llm");
        assertThat(q.sql()).isEqualTo("SELECT COUNT(*) AS hcps FROM hcp");
        assertThat(q.explanation()).contains("language model").contains("gpt-test");
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test")))
                .withRequestBody(containing("duckdb"))
                .withRequestBody(containing("table hcp ("))
                .withRequestBody(containing("how big is our prescriber universe")));
        assertThat(counter("hub.llm.tokens", "input") - tokensBefore).isEqualTo(1200);
        assertThat(llm.spend.spentToday("acme")).isCloseTo((1200 * 10 + 30 * 20) / 1e6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sqlTheGuardRefusesIsRefusedAndNeverRepairedOrRun() {
        for (String bad : List.of("DROP TABLE hcp", "SELECT * FROM globex.hcp", "SELECT 1; DELETE FROM hcp",
                "```sql\nSELECT * FROM read_csv('/etc/passwd')\n```")) {
            provider.resetAll();
            reply(bad, 100, 10);
            assertThatThrownBy(() -> llm.generate(new Question("show everything"), ACME, DECLINED)).as(bad)
                    .isInstanceOfSatisfying(HubException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SQL_REJECTED));
            provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        }
    }

    @Test
    void aDatabaseErrorGetsOneRepairRound() {
        provider.stubFor(post("/v1/chat/completions").inScenario("repair").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(completion("SELECT no_such_column FROM hcp", 100, 10))).willSetStateTo("repaired"));
        provider.stubFor(post("/v1/chat/completions").inScenario("repair").whenScenarioStateIs("repaired")
                .willReturn(okJson(completion("SELECT COUNT(*) AS n FROM hcp", 100, 10))));
        GeneratedQuery q = llm.generate(new Question("how many hcps do we have"), ACME, DECLINED);
        assertThat(q.sql()).isEqualTo("SELECT COUNT(*) AS n FROM hcp");
        provider.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("The database refused that SQL"))
                .withRequestBody(containing("no_such_column")));
    }

    @Test
    void aRepairThatFailsAgainIsAnInvalidQuery() {
        reply("SELECT no_such_column FROM hcp", 100, 10);
        assertThatThrownBy(() -> llm.generate(new Question("how many hcps do we have"), ACME, DECLINED))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUERY));
        provider.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theModelDecliningKeepsTheEnginesRefusalAndSuggestions() {
        reply("UNANSWERABLE", 100, 1);
        assertThatThrownBy(() -> llm.generate(new Question("what will the weather be tomorrow"), ACME, DECLINED))
                .isSameAs(DECLINED);
    }

    @Test
    void rateLimitedByTheProviderIs429AndTheProviderIsNotAskedAgainBeforeRetryAfter() {
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}")));
        assertRateLimited(7);
        assertRateLimited(7); // refused here: the provider asked to wait
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        clock.advance(Duration.ofSeconds(8));
        assertRateLimited(7);
        provider.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void providerErrorsAndTimeoutsKeepTheEnginesRefusal() {
        provider.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503).withBody("overloaded")));
        assertUnavailable("HTTP 503");
        provider.resetAll();
        provider.stubFor(post("/v1/chat/completions").willReturn(okJson(completion("SELECT 1", 1, 1))
                .withFixedDelay(3000)));
        long start = System.nanoTime();
        assertUnavailable("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
        provider.resetAll();
        provider.stop();
        try {
            assertUnavailable("could not be reached");
        } finally {
            provider.start();
        }
    }

    @Test
    void overTheDailyBudgetQuestionsAreRefusedUntilMidnightUtc() {
        llm = generator(properties(0.01, Duration.ofSeconds(2)));
        reply("SELECT COUNT(*) AS hcps FROM hcp", 1000, 0); // 0.01 USD at 10 USD per million
        llm.generate(new Question("how big is our prescriber universe"), ACME, DECLINED);
        assertThatThrownBy(() -> llm.generate(new Question("how big is our prescriber universe"), ACME, DECLINED))
                .isInstanceOfSatisfying(LlmSpend.RetryLater.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("budget");
                    assertThat(e.retryAfterSeconds()).isEqualTo(14 * 3600);
                });
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        clock.advance(Duration.ofHours(14));
        assertThat(llm.generate(new Question("how big is our prescriber universe"), ACME, DECLINED).engine())
                .isEqualTo("llm");
    }

    @Test
    void servesOnlyWhenEnabledAndForItsTenants() {
        assertThat(llm.serves(ACME)).isTrue();
        LlmProperties off = new LlmProperties(false, null, null, null, null, null, null, null, null, null, null);
        assertThat(generator(off).serves(ACME)).isFalse();
        LlmProperties globexOnly = new LlmProperties(true, List.of("globex"), null, null, null, null, null, null,
                null, null, null);
        assertThat(generator(globexOnly).serves(ACME)).isFalse();
    }

    private void assertRateLimited(int seconds) {
        assertThatThrownBy(() -> llm.generate(new Question("how big is our prescriber universe"), ACME, DECLINED))
                .isInstanceOfSatisfying(LlmSpend.RetryLater.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, (long) seconds);
                    assertThat(e.getMessage()).contains("retry after");
                });
    }

    private void assertUnavailable(String why) {
        assertThatThrownBy(() -> llm.generate(new Question("how big is our prescriber universe"), ACME, DECLINED))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNANSWERABLE);
                    assertThat(e.suggestions()).isEqualTo(DECLINED.suggestions());
                    assertThat(e.getMessage()).contains(why);
                });
    }

    private LlmQueryGenerator generator(LlmProperties p) {
        return new LlmQueryGenerator(p, guard, warehouses, model, verified, new LlmSpend(p, meters, clock));
    }

    private static LlmProperties properties(double budget, Duration timeout) {
        return new LlmProperties(true, List.of(), provider.baseUrl() + "/v1", "test-key", "gpt-test", timeout, 300,
                10.0, 20.0, budget, true);
    }

    private double counter(String name, String kind) {
        var c = meters.find(name).tag("tenant", "acme").tag("kind", kind).counter();
        return c == null ? 0 : c.count();
    }

    private static void reply(String content, int in, int out) {
        provider.stubFor(post("/v1/chat/completions").willReturn(okJson(completion(content, in, out))));
    }

    static String completion(String content, int in, int out) {
        var root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("created", 1764000000).put("model", "gpt-test");
        var choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return root.toString();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
