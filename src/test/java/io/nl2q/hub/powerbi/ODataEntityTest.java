package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.reports.SavedQuestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Addressing single entities of the feed by key (every entity set, string, numeric, date and composite keys), and the
 * feed's refusals: each an OData error body with a code, never a 500 or the warehouse's own text.
 */
@HubTest
class ODataEntityTest {
    private static final String ADMIN = "acme-demo-key";
    private static final String VIEWER = "acme-viewer-key";
    private static final String GLOBEX = "globex-demo-key";
    private static final Pattern ENTITY_TYPE = Pattern.compile(
            "<EntityType Name=\"([^\"]+)\"><Key>(.*?)</Key>(.*?)</EntityType>", Pattern.DOTALL);
    private static final Pattern REF = Pattern.compile("<PropertyRef Name=\"([^\"]+)\"");
    private static final Pattern PROPERTY = Pattern.compile("<Property Name=\"([^\"]+)\" Type=\"([^\"]+)\"");
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

    @Test
    void readsOneHcpByKeyWithItsContext() {
        Reply reply = http.get("/odata/v1/hcp('H000001')", ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode hcp = reply.json();
        assertThat(hcp.path("@odata.context").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/odata/v1/$metadata#hcp/$entity");
        assertThat(hcp.path("hcp_id").asText()).isEqualTo("H000001");
        JsonNode same = http.get("/odata/v1/hcp?$filter=" + ODataFeedTest.q("hcp_id eq 'H000001'"), ADMIN).json()
                .path("value").get(0);
        assertThat(withoutAnnotations(hcp)).isEqualTo(withoutAnnotations(same));
        assertThat(hcp.path("npi").asText()).isNotBlank();
    }

    /** For every entity set of the feed, its first row read back by the key the CSDL declares for it. */
    @Test
    void everyEntitySetAnswersByKey() {
        Map<String, List<String[]>> keys = keysFromCsdl(http.get("/odata/v1/$metadata", ADMIN).body());
        assertThat(keys).containsKeys("hcp", "rx_weekly", "territory", "product", "payer", "call_activity",
                "saved_tirosint_writers");
        for (var set : keys.entrySet()) {
            JsonNode first = http.get("/odata/v1/" + set.getKey() + "?$top=1", ADMIN).json().path("value").get(0);
            if (first == null) {
                continue; // an empty table has no entity to address
            }
            var predicate = new ArrayList<String>();
            for (String[] key : set.getValue()) {
                String value = first.path(key[0]).asText();
                String literal = key[1].equals("Edm.String") ? "'" + value.replace("'", "''") + "'" : value;
                predicate.add(set.getValue().size() == 1 ? literal : key[0] + "=" + literal);
            }
            String url = "/odata/v1/" + set.getKey() + "(" + ODataFeedTest.q(String.join(",", predicate)) + ")";
            Reply reply = http.get(url, ADMIN);
            assertThat(reply.status()).as(url + " " + reply.body()).isEqualTo(200);
            assertThat(reply.json().path("@odata.context").asText()).as(url)
                    .endsWith("$metadata#" + set.getKey() + "/$entity");
            assertThat(withoutAnnotations(reply.json())).as(url).isEqualTo(withoutAnnotations(first));
        }
    }

    @Test
    void fullMetadataNamesTheEntityType() {
        JsonNode full = http.get("/odata/v1/hcp('H000001')?$format=" + ODataFeedTest.q("application/json;odata.metadata=full"),
                ADMIN).json();
        assertThat(full.path("@odata.type").asText()).isEqualTo("#NL2Q.hcp");
        assertThat(full.path("@odata.id").asText()).isEqualTo("http://127.0.0.1:" + port + "/odata/v1/hcp('H000001')");
        JsonNode page = http.get("/odata/v1/saved_tirosint_writers?$top=1&$format="
                + ODataFeedTest.q("application/json;odata.metadata=full"), ADMIN).json();
        assertThat(page.path("value").get(0).path("@odata.type").asText()).isEqualTo("#NL2Q.saved_tirosint_writers");
    }

    @Test
    void numericKeyOfASavedQuestionIsTheRowsPosition() {
        JsonNode second = http.get("/odata/v1/saved_tirosint_writers?$skip=1&$top=1", ADMIN).json()
                .path("value").get(0);
        JsonNode byKey = http.get("/odata/v1/saved_tirosint_writers(2)", ADMIN).json();
        assertThat(byKey.path("_row").asLong()).isEqualTo(2);
        assertThat(withoutAnnotations(byKey)).isEqualTo(withoutAnnotations(second));
        assertThat(http.get("/odata/v1/saved_tirosint_writers(0)", ADMIN).status()).isEqualTo(404);
        assertThat(http.get("/odata/v1/saved_tirosint_writers(9223372036854775807)", ADMIN).status()).isEqualTo(404);
        assertThat(http.get("/odata/v1/saved_tirosint_writers('a')", ADMIN).errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void selectOnAnEntityAndThePiiPolicy() {
        JsonNode selected = http.get("/odata/v1/hcp('H000001')?$select=specialty,decile", ADMIN).json();
        assertThat(selected.path("@odata.context").asText()).endsWith("$metadata#hcp(hcp_id,specialty,decile)/$entity");
        assertThat(selected.has("specialty")).isTrue();
        assertThat(selected.has("npi")).isFalse();
        assertThat(selected.has("full_name")).isFalse();

        JsonNode viewer = http.get("/odata/v1/hcp('H000001')", VIEWER).json();
        assertThat(viewer.path("hcp_id").asText()).isEqualTo("H000001");
        assertThat(viewer.has("specialty")).isTrue();
        assertThat(viewer.has("npi") || viewer.has("full_name") || viewer.has("first_name") || viewer.has("last_name"))
                .as(viewer.toString()).isFalse();
        Reply pii = http.get("/odata/v1/hcp('H000001')?$select=npi", VIEWER);
        assertThat(pii.status()).isEqualTo(400);
        assertThat(pii.errorCode()).isEqualTo("BAD_REQUEST");
        JsonNode savedRow = http.get("/odata/v1/saved_tirosint_writers(1)", VIEWER).json();
        assertThat(savedRow.has("full_name")).isFalse();
        assertThat(savedRow.has("trx")).isTrue();
    }

    @Test
    void absentEntitiesAre404AndTenancyHolds() {
        Reply absent = http.get("/odata/v1/hcp('NOPE')", ADMIN);
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(absent.json().path("error").path("innererror").path("correlationId").asText()).isNotBlank();
        assertThat(http.get("/odata/v1/hcp('x'')%20OR%20(''1''=''1')", ADMIN).status()).isEqualTo(404);
        // each tenant reads its own warehouse: the same key answers that tenant's row, or 404
        for (String key : List.of(ADMIN, GLOBEX)) {
            String id = http.get("/odata/v1/hcp?$top=1&$orderby=" + ODataFeedTest.q("hcp_id desc"), key).json()
                    .path("value").get(0).path("hcp_id").asText();
            JsonNode mine = http.get("/odata/v1/hcp?$filter=" + ODataFeedTest.q("hcp_id eq '" + id + "'"), key)
                    .json().path("value").get(0);
            assertThat(withoutAnnotations(http.get("/odata/v1/hcp('" + id + "')", key).json()))
                    .isEqualTo(withoutAnnotations(mine));
        }
        long acmeHcps = Long.parseLong(http.get("/odata/v1/hcp/$count", ADMIN).body().trim());
        long globexHcps = Long.parseLong(http.get("/odata/v1/hcp/$count", GLOBEX).body().trim());
        String beyond = String.format("H%06d", Math.min(acmeHcps, globexHcps) + 1);
        int acme = http.get("/odata/v1/hcp('" + beyond + "')", ADMIN).status();
        int globex = http.get("/odata/v1/hcp('" + beyond + "')", GLOBEX).status();
        assertThat(List.of(acme, globex)).as(beyond).containsExactlyInAnyOrder(200, 404);
        assertThat(http.get("/odata/v1/saved_tirosint_writers(1)", GLOBEX).status()).isEqualTo(404);
    }

    static Stream<Arguments> refusals() {
        String huge = "eyJkIjo5MjIzMzcyMDM2ODU0Nzc1ODA3LCJrIjpbXX0"; // {"d":9223372036854775807,"k":[]}
        return Stream.of(
                Arguments.of("/odata/v1/hcp?$search=Boston", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?%24search=Boston", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?$expand=territory", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?$apply=" + ODataFeedTest.q("aggregate(decile with sum as s)"), 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?$compute=" + ODataFeedTest.q("decile mul 2 as d2"), 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp('H000001')?$expand=x", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?$SEARCH=x", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/territory?$orderby=state&$skiptoken=" + huge, 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/territory?$skiptoken=" + huge, 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/territory?$skiptoken=eyJkIjo5OTk5OTk5OTk5OTk5OTk5OTk5OTksImsiOltdfQ", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/territory?$skiptoken=" + "A".repeat(5000), 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/territory?$skip=9223372036854775807", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/territory?$top=99999999999999999999", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/territory?$skip=2147483647&$top=2147483647", 200, null),
                Arguments.of("/odata/v1/hcp(1)", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/hcp(hcp_id='H1',x='2')", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/rx_weekly('H000001')", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/rx_weekly(week_ending=2024-02-30,hcp_id='H1',product_id='P01',payer_id='Y1')", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/hcp('H000001')/full_name", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp/$value", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/$entity?$id=" + ODataFeedTest.q("hcp('H000001')"), 200, null),
                Arguments.of("/odata/v1/$batch", 405, "METHOD_NOT_ALLOWED"),
                Arguments.of("/odata/v1/hcp?$filter=" + ODataFeedTest.q("decile eq 99999999999999999999999999999"), 200, null),
                Arguments.of("/odata/v1/rx_weekly?$filter=" + ODataFeedTest.q("week_ending eq 2024-02-30"), 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/rx_weekly?$filter=" + ODataFeedTest.q("trx div 0 eq 1") + "&$top=1", 200, null),
                Arguments.of("/odata/v1/rx_weekly?$filter=" + ODataFeedTest.q("trx add 9223372036854775807 gt 0") + "&$top=1", 200, null),
                Arguments.of("/odata/v1/rx_weekly?$filter=" + ODataFeedTest.q("year(product_id) eq 2024") + "&$top=1", 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/hcp?$filter=" + ODataFeedTest.q("length(hcp_id) eq 'x'"), 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/hcp?$filter=" + ODataFeedTest.q("decile eq 'x'"), 400, "BAD_REQUEST"),
                Arguments.of("/odata/v1/hcp?$top=1&$format=text/csv", 406, "NOT_ACCEPTABLE"),
                Arguments.of("/odata/v1/hcp?$filter=" + ODataFeedTest.q("decile in ()"), 200, null),
                // a backslash is a plain character of a bound value (no literal reaches the SQL): no such HCP
                Arguments.of("/odata/v1/hcp?$filter=" + ODataFeedTest.q("hcp_id eq 'a\\b'"), 200, null),
                Arguments.of("/odata/v1/$crossjoin(hcp,territory)", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?$orderby=" + ODataFeedTest.q("decile add 1"), 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/hcp?$filter=" + ODataFeedTest.q("decile eq @p") + "&@p=1", 501, "NOT_IMPLEMENTED"),
                Arguments.of("/odata/v1/no_such_set('x')", 404, "NOT_FOUND"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("refusals")
    void refusesWithAnODataErrorAndACode(String url, int status, String code) {
        Reply reply = http.get(url, ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (code != null) {
            assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
            assertThat(reply.json().path("error").path("message").asText()).isNotBlank();
            assertThat(reply.body()).doesNotContainIgnoringCase("duckdb").doesNotContain("Exception", "SELECT",
                    "Binder Error", "Conversion Error", "Out of Range");
        }
    }

    /** The CSDL's key properties of each entity type, with their types. */
    static Map<String, List<String[]>> keysFromCsdl(String csdl) {
        var keys = new LinkedHashMap<String, List<String[]>>();
        Matcher type = ENTITY_TYPE.matcher(csdl);
        while (type.find()) {
            var types = new LinkedHashMap<String, String>();
            Matcher p = PROPERTY.matcher(type.group(3));
            while (p.find()) {
                types.put(p.group(1), p.group(2));
            }
            var refs = new ArrayList<String[]>();
            Matcher ref = REF.matcher(type.group(2));
            while (ref.find()) {
                refs.add(new String[] {ref.group(1), types.get(ref.group(1))});
            }
            keys.put(type.group(1), refs);
        }
        return keys;
    }

    static JsonNode withoutAnnotations(JsonNode entity) {
        ObjectNode copy = entity.deepCopy();
        var names = new ArrayList<String>();
        copy.fieldNames().forEachRemaining(names::add);
        names.stream().filter(n -> n.startsWith("@")).forEach(copy::remove);
        return copy;
    }
}
