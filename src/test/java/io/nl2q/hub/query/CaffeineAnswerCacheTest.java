package io.nl2q.hub.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.Chart;
import io.nl2q.hub.pipeline.ModelVersion;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class CaffeineAnswerCacheTest {
    static final Caller ACME = new Caller(new TenantRef("acme", "acme"), "key:test", Set.of(Role.VIEWER));
    static final Caller GLOBEX = new Caller(new TenantRef("globex", "globex"), "key:test", Set.of(Role.VIEWER));
    final AtomicLong nanos = new AtomicLong();
    final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    final CaffeineAnswerCache cache = new CaffeineAnswerCache(
            new AnswerCacheProperties(true, Duration.ofMinutes(5), 100L),
            beans.getBeanProvider(ModelVersion.class), nanos::get);

    @Test
    void questionsThatDifferOnlyInCaseSpacingAndTrailingPunctuationShareAnAnswer() {
        store(ACME, "How many prescribers are there?", "hcp");
        QueryAnswer hit = cache.hit(new Question("  how MANY   prescribers\tare there ?! "), ACME,
                new Date(System.currentTimeMillis() - 3), "q2");
        assertThat(hit).isNotNull();
        assertThat(hit.cached()).isTrue();
        assertThat(hit.queryId()).isEqualTo("q2");
        assertThat(hit.elapsedMs()).isBetween(3L, 1000L);
        assertThat(hit.question()).isEqualTo("how MANY   prescribers\tare there ?!");
        assertThat(hit.rows()).containsExactly(List.of(180));
        assertThat(cache.hit(new Question("how many prescribers are there in 2024"), ACME, new Date(), "q3")).isNull();
    }

    @Test
    void tenantsNeverShareAnswers() {
        store(ACME, "how many prescribers are there", "hcp");
        assertThat(cache.hit(new Question("how many prescribers are there"), GLOBEX, new Date(), "q")).isNull();
    }

    @Test
    void aNewModelVersionMissesAnswersOfTheOldOne() {
        store(ACME, "how many prescribers are there", "hcp");
        beans.registerSingleton("modelVersion", (ModelVersion) tenant -> "v7");
        assertThat(cache.hit(new Question("how many prescribers are there"), ACME, new Date(), "q")).isNull();
    }

    @Test
    void invalidationForgetsOnlyAnswersOfTheTenantThatReadAChangedTable() {
        store(ACME, "hcps", "hcp");
        store(ACME, "calls", "call_activity", "hcp");
        store(ACME, "products", "product");
        store(GLOBEX, "hcps", "hcp");
        cache.invalidate("acme", Set.of("HCP"));
        assertThat(cache.hit(new Question("hcps"), ACME, new Date(), "q")).isNull();
        assertThat(cache.hit(new Question("calls"), ACME, new Date(), "q")).isNull();
        assertThat(cache.hit(new Question("products"), ACME, new Date(), "q")).isNotNull();
        assertThat(cache.hit(new Question("hcps"), GLOBEX, new Date(), "q")).isNotNull();
        cache.invalidate("acme", Set.of());
        assertThat(cache.hit(new Question("products"), ACME, new Date(), "q")).isNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void answersExpireAfterTheirTimeToLive() {
        store(ACME, "hcps", "hcp");
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(4));
        assertThat(cache.hit(new Question("hcps"), ACME, new Date(), "q")).isNotNull();
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(2));
        assertThat(cache.hit(new Question("hcps"), ACME, new Date(), "q")).isNull();
    }

    @Test
    void aDisabledCacheKeepsNothing() {
        CaffeineAnswerCache off = new CaffeineAnswerCache(new AnswerCacheProperties(false, null, null),
                beans.getBeanProvider(ModelVersion.class));
        off.store(new Question("hcps"), ACME, answer("hcps"), new GuardedSql("SELECT 1", Set.of("hcp"), 1));
        assertThat(off.hit(new Question("hcps"), ACME, new Date(), "q")).isNull();
    }

    private void store(Caller caller, String question, String... tables) {
        cache.store(new Question(question), caller, answer(question), new GuardedSql("SELECT 1", Set.of(tables), 1));
    }

    static QueryAnswer answer(String question) {
        return new QueryAnswer(question, "SELECT COUNT(*) FROM acme.hcp", List.of(), List.of(List.of(180)), 1, false,
                "The number of prescribers.", Chart.table(), "semantic", false, 40, "q1");
    }
}
