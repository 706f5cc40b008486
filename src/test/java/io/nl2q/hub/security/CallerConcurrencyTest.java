package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One caller's slow queries cannot take the tenant's warehouse: past hub.api.max-concurrent-per-caller requests in
 * flight the caller gets 429 with Retry-After at once, while another caller of the same tenant is still answered; the
 * slots come back when the (asynchronous) answers are complete.
 */
@HubTest
class CallerConcurrencyTest {
    /** Runs into the test's 3 s statement timeout on every tenant's demo data. */
    private static final String SLOW = "SELECT COUNT(*) FROM rx_weekly a, rx_weekly b, rx_weekly c"
            + " WHERE a.trx + b.trx + c.trx < 0";
    @LocalServerPort
    int port;
    @Value("${hub.api.max-concurrent-per-caller:3}")
    int limit;
    @Autowired
    JdbcTemplate appState;

    @Test
    void aCallerPastTheLimitIs429WhileTheTenantStillAnswersOthers() throws Exception {
        HubHttp http = new HubHttp(port);
        String analyst = issue(http, "[\"viewer\", \"analyst\"]");
        String colleague = issue(http, "[\"viewer\"]");
        int sent = limit + 3;
        ExecutorService pool = Executors.newFixedThreadPool(sent);
        try {
            List<Future<Reply>> slow = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                slow.add(pool.submit(() -> http.sql(analyst, SLOW)));
            }
            Thread.sleep(1_000); // every slow one is either running or already refused
            Reply other = http.ask(colleague, "how many prescribers are there");
            assertThat(other.status()).as(other.body()).isEqualTo(200);
            int refused = 0;
            for (Future<Reply> f : slow) {
                Reply r = f.get(30, TimeUnit.SECONDS);
                if (r.status() == 429) {
                    refused++;
                    assertThat(r.errorCode()).isEqualTo("RATE_LIMITED");
                    assertThat(r.retryAfter()).isNotNull();
                    assertThat(Long.parseLong(r.retryAfter())).isPositive();
                    assertThat(r.json().path("error").path("message").asText()).contains("in flight");
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(504);
                }
            }
            assertThat(refused).isEqualTo(sent - limit);
        } finally {
            pool.shutdownNow();
        }
        // the slots were given back when the answers were complete
        for (int i = 0; i < limit + 1; i++) {
            Reply after = http.sql(analyst, "SELECT 1 AS one");
            assertThat(after.status()).as(after.body()).isEqualTo(200);
        }
        assertThat(appState.queryForObject("SELECT COUNT(*) FROM query_audit WHERE tenant_id = 'acme'"
                + " AND outcome = 'CONCURRENCY_LIMITED'", Integer.class)).isPositive();
    }

    private static String issue(HubHttp http, String roles) {
        Reply created = http.post("/api/v1/admin/api-keys", "acme-demo-key",
                "{\"label\": \"concurrency test\", \"roles\": " + roles + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("key").asText();
    }
}
