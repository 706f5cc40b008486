package io.nl2q.hub.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 item 1 from outside, with an analyst's key: the statements that escaped the guard by a literal DuckDB reads
 * differently from JSqlParser (an escape string, dollar quotes, a unicode escape) are refused with 400 SQL_REJECTED,
 * and none of them reads the host name, writes a file or reaches globex's data.
 */
@HubTest
class GuardEscapeApiTest {
    private static final String ANALYST = "acme-demo-key";
    private static final Path COPIED = Path.of("target", "guard-escape-copy.csv").toAbsolutePath();
    private static final Path GLOBEX_FILE = Path.of("target", "test-data", "warehouse", "warehouse-globex.duckdb")
            .toAbsolutePath();
    @LocalServerPort
    int port;
    HubHttp http;

    @BeforeEach
    void client() throws Exception {
        http = new HubHttp(port);
        Files.deleteIfExists(COPIED);
    }

    @Test
    void theEscapeStringThatReadTheHostNameIsRefused() throws Exception {
        Reply r = http.sql(ANALYST,
                "SELECT E'\\' AS p, ' AS q, (SELECT content FROM read_text($$/etc/hostname$$)) AS r --'");
        assertRejected(r);
        assertThat(r.json().path("error").path("message").asText()).contains("prefix");
        assertThat(r.body()).doesNotContain(InetAddress.getLocalHost().getHostName());
    }

    @Test
    void theSameTrickCannotWriteAFileAttachGlobexOrRunSeveralStatements() {
        String copy = "COPY (SELECT full_name, npi FROM acme.hcp) TO $$" + COPIED + "$$";
        String attach = "ATTACH $$" + GLOBEX_FILE + "$$ AS g (READ_ONLY); SELECT full_name, npi FROM g.globex.hcp";
        List<String> statements = List.of(
                "SELECT E'\\' AS p, '; " + copy + " --'",
                "SELECT e'\\' AS p, '; " + attach + " --'",
                "SELECT E'\\'' AS p, 1; " + copy,
                "SELECT 1 AS p; " + copy,
                "SELECT 1 AS p; " + attach,
                "SELECT count(*) FROM hcp; SELECT count(*) FROM globex.hcp",
                "SELECT $$ ' $$ AS p, (SELECT content FROM read_text('/etc/hostname')) AS r",
                "SELECT $q$ ' $q$ AS p, (SELECT content FROM read_text('/etc/hostname')) AS r",
                "SELECT U&'\\0027' AS p, ' AS q, (SELECT content FROM read_text(''/etc/hostname'')) AS r --'",
                "SELECT '\\' AS p, ' AS q, (SELECT content FROM read_text(''/etc/hostname'')) AS r --'");
        for (String sql : statements) {
            Reply r = http.sql(ANALYST, sql);
            assertRejected(r);
            assertThat(r.body()).as(sql).doesNotContain("Globex").doesNotContain("\"npi\"");
        }
        assertThat(COPIED).doesNotExist();
    }

    @Test
    void plainStringsWithQuotesStillAnswer() {
        Reply r = http.sql(ANALYST, "SELECT 'it''s' AS said, count(*) AS n FROM hcp WHERE full_name <> 'O''Brien /* x */'");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("rows").get(0).get(0).asText()).isEqualTo("it's");
        // a nested comment is read as one comment, as DuckDB reads it, and is not part of what runs
        Reply nested = http.sql(ANALYST, "SELECT 1 AS p /* /* */ , (SELECT content FROM read_text('/etc/hostname'))"
                + " AS r */ FROM hcp LIMIT 1");
        assertThat(nested.status()).as(nested.body()).isEqualTo(200);
        assertThat(nested.json().path("columns").findValuesAsText("name")).containsExactly("p");
        assertThat(nested.json().path("sql").asText()).doesNotContain("read_text");
    }

    private static void assertRejected(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("SQL_REJECTED");
    }
}
