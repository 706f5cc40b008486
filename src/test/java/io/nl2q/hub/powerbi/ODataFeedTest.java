package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.reports.SavedQuestions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OData feed over raw HTTP: a table of valid and invalid URLs, paging, PII, tenants, saved questions. */
@HubTest
class ODataFeedTest {
    private static final String ADMIN = "acme-demo-key";
    private static final String VIEWER = "acme-viewer-key";
    @LocalServerPort
    int port;
    @Autowired
    SavedQuestions saved;
    HubHttp http;

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        FeedFixture.saveTirosintWriters(saved);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                // valid: status, and the number of rows expected (-1: do not check)
                Arguments.of("/odata/v1/", 200, -1),
                Arguments.of("/odata/v1/$metadata", 200, -1),
                Arguments.of("/odata/v1/product?$select=product_name,market&$filter=" + q("market eq 'Hypothyroidism' and is_promoted eq true") + "&$orderby=" + q("product_name desc"), 200, 2),
                Arguments.of("/odata/v1/product?$filter=" + q("contains(product_name,'roid')"), 200, 3),
                Arguments.of("/odata/v1/product?$filter=" + q("startswith(product_name,'Tirosint')"), 200, 2),
                Arguments.of("/odata/v1/product?$filter=" + q("endswith(product_name,'Gel') or product_name eq 'Licart'"), 200, 3),
                Arguments.of("/odata/v1/product?$filter=" + q("not (market eq 'Hypothyroidism')"), 200, 5),
                Arguments.of("/odata/v1/product?$filter=" + q("market ne 'Hypothyroidism' and is_promoted eq false"), 200, 3),
                Arguments.of("/odata/v1/product?$filter=" + q("tolower(manufacturer) eq 'ibsa'"), 200, 4),
                Arguments.of("/odata/v1/product?$filter=" + q("product_name eq 'x''; DROP TABLE product; --'"), 200, 0),
                Arguments.of("/odata/v1/product?$filter=" + q("contains(product_name,'%')"), 200, 0),
                Arguments.of("/odata/v1/product?$filter=" + q("contains(product_name,'_')"), 200, 0),
                Arguments.of("/odata/v1/payer?$filter=" + q("payer_id in ('Y1','Y2','Y9')"), 200, 2),
                Arguments.of("/odata/v1/hcp?$filter=" + q("decile ge 9 and decile le 10") + "&$top=3&$select=hcp_id,decile", 200, 3),
                Arguments.of("/odata/v1/rx_weekly?$filter=" + q("week_ending ge 2024-10-01 and week_ending le 2024-12-31 and trx gt 5") + "&$top=4&$count=true", 200, 4),
                Arguments.of("/odata/v1/rx_weekly?$filter=" + q("year(week_ending) eq 2024 and month(week_ending) eq 12") + "&$top=2", 200, 2),
                Arguments.of("/odata/v1/territory?$skip=25&$top=10", 200, 5),
                Arguments.of("/odata/v1/territory?$top=0", 200, 0),
                Arguments.of("/odata/v1/territory?$orderby=" + q("region desc,territory_name"), 200, 7),
                Arguments.of("/odata/v1/territory?$format=json", 200, 7),
                Arguments.of("/odata/v1/saved_tirosint_writers?$top=3&$orderby=" + q("trx desc"), 200, 3),
                // invalid
                Arguments.of("/odata/v1/product?$filter=" + q("product_name eq"), 400, -1),
                Arguments.of("/odata/v1/product?$filter=" + q("product_name eq 'unterminated"), 400, -1),
                Arguments.of("/odata/v1/product?$filter=" + q("no_such_column eq 1"), 400, -1),
                Arguments.of("/odata/v1/product?$filter=" + q("product_name eq 1 and"), 400, -1),
                Arguments.of("/odata/v1/product?$select=no_such_column", 400, -1),
                Arguments.of("/odata/v1/product?$orderby=no_such_column", 400, -1),
                Arguments.of("/odata/v1/product?$top=-1", 400, -1),
                Arguments.of("/odata/v1/product?$top=abc", 400, -1),
                Arguments.of("/odata/v1/product?$skip=x", 400, -1),
                Arguments.of("/odata/v1/product?$count=maybe", 400, -1),
                Arguments.of("/odata/v1/product?$skiptoken=garbage", 400, -1),
                Arguments.of("/odata/v1/product?$filter=" + q("week_ending ge 2024-13-45"), 400, -1),
                Arguments.of("/odata/v1/product?$unknown=1", 400, -1),
                Arguments.of("/odata/v1/no_such_set", 404, -1),
                Arguments.of("/odata/v1/product?$filter=" + q("round(1.5) eq 2"), 501, -1));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("urls")
    void answersEachUrlAsSpecified(String url, int status, int rows) {
        Reply reply = http.get(url, ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(reply.json().path("error").path("message").asText()).as(reply.body()).isNotBlank();
            assertThat(reply.body()).doesNotContain("Exception", "at io.", "SELECT");
        } else if (rows >= 0) {
            assertThat(reply.json().path("value")).as(reply.body()).hasSize(rows);
        }
    }

    @Test
    void serviceDocumentListsTablesAndSavedQuestions() {
        JsonNode doc = http.get("/odata/v1/", ADMIN).json();
        var names = new HashSet<String>();
        doc.path("value").forEach(v -> names.add(v.path("name").asText()));
        assertThat(names).contains("rx_weekly", "hcp", "product", "payer", "territory", "call_activity",
                "saved_tirosint_writers");
    }

    @Test
    void typedValuesAndCountAndContext() {
        JsonNode page = http.get("/odata/v1/rx_weekly?$top=1&$count=true&$filter="
                + q("week_ending eq 2024-12-27"), ADMIN).json();
        assertThat(page.path("@odata.context").asText()).endsWith("$metadata#rx_weekly");
        assertThat(page.path("@odata.count").asLong()).isPositive();
        JsonNode row = page.path("value").get(0);
        assertThat(row.path("week_ending").asText()).isEqualTo("2024-12-27");
        assertThat(row.path("trx").isIntegralNumber()).isTrue();
        JsonNode product = http.get("/odata/v1/product?$filter=" + q("product_id eq 'P01'"), ADMIN).json();
        assertThat(product.path("value").get(0).path("is_promoted").isBoolean()).isTrue();
    }

    @Test
    void pagesThroughNextLinksWithoutGapsOrRepeats() {
        // keyset paging (the key order) and offset paging (a requested order), both over more pages than one
        for (String url : List.of("/odata/v1/territory", "/odata/v1/territory?$orderby=" + q("state desc"),
                "/odata/v1/rx_weekly?$filter=" + q("week_ending eq 2025-12-26 and product_id eq 'P01'")
                        + "&$select=hcp_id,trx")) {
            var seen = new ArrayList<String>();
            String next = url;
            int pages = 0;
            while (next != null) {
                Reply reply = http.get(next.substring(next.indexOf("/odata/")), ADMIN);
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                JsonNode body = reply.json();
                assertThat(body.path("value").size()).isLessThanOrEqualTo(7);
                body.path("value").forEach(v -> seen.add(v.toString()));
                next = body.hasNonNull("@odata.nextLink") ? body.path("@odata.nextLink").asText() : null;
                pages++;
            }
            String countUrl = (url.contains("?") ? url.substring(0, url.indexOf('?')) : url) + "/$count"
                    + (url.contains("$filter") ? "?" + url.substring(url.indexOf("$filter")).split("&")[0] : "");
            long total = Long.parseLong(http.get(countUrl, ADMIN).body().trim());
            assertThat(seen).as(url).hasSize((int) total).doesNotHaveDuplicates();
            assertThat(pages).as(url).isGreaterThan(1);
        }
    }

    @Test
    void topAndSkipSpanPages() {
        JsonNode first = http.get("/odata/v1/territory?$skip=3&$top=10", ADMIN).json();
        assertThat(first.path("value")).hasSize(7);
        assertThat(first.path("value").get(0).path("territory_id").asText()).isEqualTo("T04");
        String next = first.path("@odata.nextLink").asText();
        JsonNode second = http.get(next.substring(next.indexOf("/odata/")), ADMIN).json();
        assertThat(second.path("value")).hasSize(3);
        assertThat(second.path("value").get(0).path("territory_id").asText()).isEqualTo("T11");
        assertThat(second.has("@odata.nextLink")).isFalse();
    }

    @Test
    void piiColumnsOnlyForAnalystsAndAdmins() {
        assertThat(http.get("/odata/v1/$metadata", ADMIN).body()).contains("Name=\"full_name\"", "Name=\"npi\"");
        String viewerCsdl = http.get("/odata/v1/$metadata", VIEWER).body();
        assertThat(viewerCsdl).contains("Name=\"specialty\"").doesNotContain("Name=\"full_name\"",
                "Name=\"first_name\"", "Name=\"last_name\"", "Name=\"npi\"");
        assertThat(http.get("/odata/v1/hcp?$select=full_name", VIEWER).status()).isEqualTo(400);
        assertThat(http.get("/odata/v1/hcp?$filter=" + q("npi eq '1'"), VIEWER).status()).isEqualTo(400);
        JsonNode row = http.get("/odata/v1/hcp?$top=1", VIEWER).json().path("value").get(0);
        assertThat(row.has("full_name")).isFalse();
        assertThat(row.has("specialty")).isTrue();
        JsonNode savedRow = http.get("/odata/v1/saved_tirosint_writers?$top=1", VIEWER).json().path("value").get(0);
        assertThat(savedRow.has("full_name")).isFalse();
        assertThat(savedRow.has("trx")).isTrue();
    }

    @Test
    void tenantScoped() {
        long acme = Long.parseLong(http.get("/odata/v1/hcp/$count", ADMIN).body().trim());
        long globex = Long.parseLong(http.get("/odata/v1/hcp/$count", "globex-demo-key").body().trim());
        assertThat(acme).isNotEqualTo(globex);
        assertThat(http.get("/odata/v1/", "globex-demo-key").body()).doesNotContain("saved_tirosint_writers");
        assertThat(http.get("/odata/v1/saved_tirosint_writers", "globex-demo-key").status()).isEqualTo(404);
        assertThat(http.get("/odata/v1/product", null).status()).isEqualTo(401);
        assertThat(http.getBasic("/odata/v1/product?$top=1", "powerbi", ADMIN).status()).isEqualTo(200);
    }
}
