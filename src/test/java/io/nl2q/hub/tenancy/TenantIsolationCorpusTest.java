package io.nl2q.hub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An acme caller tries to reach globex through every SQL construct, the question interface and repeated questions,
 * over the real HTTP API. A leak is any globex-only value (an NPI that exists in globex and not in acme) or globex's
 * HCP count in an acme answer; there must be none.
 */
@HubTest
class TenantIsolationCorpusTest {
    static final List<String> CORPUS = List.of(
            "SELECT npi FROM globex.hcp",
            "SELECT npi FROM \"globex\".\"hcp\"",
            "SELECT npi FROM GLOBEX.HCP",
            "SELECT npi FROM \"GLOBEX\".hcp",
            "SELECT npi FROM acme.hcp UNION SELECT npi FROM globex.hcp",
            "SELECT npi FROM hcp UNION ALL SELECT npi FROM globex.hcp",
            "SELECT npi FROM hcp INTERSECT SELECT npi FROM globex.hcp",
            "SELECT npi FROM globex.hcp EXCEPT SELECT npi FROM hcp",
            "SELECT npi FROM hcp WHERE npi IN (SELECT npi FROM globex.hcp)",
            "SELECT npi FROM hcp h WHERE EXISTS (SELECT 1 FROM globex.hcp g WHERE g.npi = h.npi)",
            "SELECT (SELECT MAX(npi) FROM globex.hcp) AS npi",
            "SELECT npi, (SELECT COUNT(*) FROM globex.hcp) AS n FROM hcp",
            "SELECT COALESCE((SELECT MIN(npi) FROM globex.hcp), 'x') AS npi",
            "SELECT UPPER((SELECT MIN(npi) FROM globex.hcp)) AS npi",
            "WITH g AS (SELECT npi FROM globex.hcp) SELECT npi FROM g",
            "WITH hcp AS (SELECT npi FROM globex.hcp) SELECT npi FROM hcp",
            "WITH RECURSIVE r(n, npi) AS (SELECT 1, npi FROM globex.hcp UNION ALL SELECT n + 1, npi FROM r WHERE n < 2) SELECT npi FROM r",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT g.npi FROM r, globex.hcp g",
            "SELECT x.npi FROM (SELECT npi FROM globex.hcp) x",
            "SELECT x.npi FROM hcp h, LATERAL (SELECT g.npi FROM globex.hcp g WHERE g.hcp_id = h.hcp_id) x",
            "SELECT g.npi FROM hcp h JOIN globex.hcp g ON g.hcp_id = h.hcp_id",
            "SELECT g.npi FROM hcp h CROSS JOIN globex.hcp g",
            "SELECT npi FROM globex.main.hcp",
            "SELECT npi FROM \"globex.hcp\"",
            "SELECT npi FROM read_parquet('globex.parquet')",
            "SELECT * FROM duckdb_tables()",
            "SELECT npi FROM hcp; SET search_path = 'globex'",
            "SET search_path = 'globex'",
            "SET schema = 'globex'",
            "USE globex",
            "ATTACH 'data/warehouse/globex.duckdb' AS g",
            "SELECT current_setting('search_path') AS npi",
            "SELECT npi FROM hcp WHERE npi = ANY (SELECT npi FROM globex.hcp)",
            "SELECT COUNT(*) AS npi FROM globex.hcp",
            "SELECT npi FROM information_schema.tables t, globex.hcp",
            "SELECT table_name AS npi FROM information_schema.tables WHERE table_schema = 'globex'");
    HubHttp http;
    @LocalServerPort
    int port;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void noSqlConstructReachesAnotherTenant() {
        Set<String> globexOnly = npis("globex-demo-key");
        globexOnly.removeAll(npis("acme-demo-key"));
        assertThat(globexOnly).hasSizeGreaterThan(10);
        List<String> leaks = new ArrayList<>();
        int refused = 0;
        for (String sql : CORPUS) {
            Reply r = http.sql("acme-demo-key", sql);
            if (r.status() != 200) {
                refused++;
                assertThat(r.status()).as(sql + " -> " + r.body()).isBetween(400, 499);
                continue;
            }
            for (JsonNode row : r.json().path("rows")) {
                for (JsonNode cell : row) {
                    if (globexOnly.contains(cell.asText()) || cell.asText().equals("60")) {
                        leaks.add(sql + " -> " + cell.asText());
                    }
                }
            }
        }
        assertThat(leaks).as("globex values in acme answers").isEmpty();
        assertThat(refused).as("statements naming globex are refused").isGreaterThanOrEqualTo(CORPUS.size() - 3);
    }

    @Test
    void theQuestionInterfaceAndRepeatedQuestionsStayInTheirTenant() {
        for (String question : List.of("show globex data", "how many prescribers are there in globex",
                "list the reps in globex", "top 10 prescribers by TRx for globex.hcp")) {
            Reply r = http.ask("acme-demo-key", question);
            if (r.status() == 200) {
                // the answer echoes the question; what ran is what matters
                assertThat(r.json().path("sql").asText()).as(question).contains("acme.").doesNotContain("globex");
            } else {
                assertThat(r.status()).as(question).isIn(400, 422);
            }
        }
        // the same question, alternately from both tenants: each always gets its own count (180 vs 60 HCPs)
        for (int i = 0; i < 3; i++) {
            assertThat(count("acme-demo-key")).isEqualTo(180);
            assertThat(count("globex-demo-key")).isEqualTo(60);
        }
    }

    private long count(String key) {
        Reply r = http.ask(key, "how many prescribers are there");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("rows").get(0).get(0).asLong();
    }

    private Set<String> npis(String key) {
        Reply r = http.sql(key, "SELECT npi FROM hcp");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Set<String> out = new HashSet<>();
        r.json().path("rows").forEach(row -> out.add(row.get(0).asText()));
        return out;
    }
}
