package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubHttp.Reply;
import io.nl2q.hub.HubTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Power Query connector: the .mez the build made has the layout Power BI loads, and every hub endpoint the M code
 * calls (read out of NL2Q.pq, not written down again here) exists and answers in the shape the code reads.
 */
@HubTest
class PowerQueryConnectorTest {
    private static final Path SOURCE = Path.of("connectors/powerbi/NL2Q");
    private static final String KEY = "acme-demo-key";
    @LocalServerPort
    int port;
    HubHttp http;
    String m;

    @BeforeEach
    void setUp() throws IOException {
        http = new HubHttp(port);
        m = Files.readString(SOURCE.resolve("NL2Q.pq"));
    }

    @Test
    void theMezHoldsTheConnectorAndItsResourcesAtItsRoot() throws IOException {
        Path mez = Path.of("target/NL2Q.mez");
        assertThat(mez).as("built by the Maven build (generate-resources)").exists();
        try (ZipFile zip = new ZipFile(mez.toFile())) {
            var names = zip.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("NL2Q.pq", "resources.resx", "NL2Q16.png", "NL2Q32.png")
                    .doesNotContain("NL2Q.query.pq").allMatch(n -> !n.contains("/"));
            assertThat(new String(zip.getInputStream(zip.getEntry("NL2Q.pq")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(m);
            // every icon and string the M code loads is in the package
            for (String file : all("Extension\\.Contents\\(\"([^\"]+)\"\\)")) {
                assertThat(names).as(file).contains(file);
            }
            String resx = new String(zip.getInputStream(zip.getEntry("resources.resx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String key : all("Extension\\.LoadString\\(\"([^\"]+)\"\\)")) {
                assertThat(resx).as(key).contains("name=\"" + key + "\"");
            }
        }
        assertThat(m).contains("section NL2Q;", "[DataSource.Kind = \"NL2Q\"", "TestConnection", "Key = [",
                "OAuth = [", "Table.View", "OnTake", "OnSkip", "OnSelectColumns", "OnSort", "GetRowCount",
                "@odata.nextLink", "shared NL2Q.Feed", "shared NL2Q.Contents");
    }

    @Test
    void everyEndpointTheConnectorCallsAnswersAsItExpects() throws Exception {
        Map<String, String> paths = paths();
        assertThat(paths).containsKeys("FeedPath", "QueryPath", "MetadataPath");

        // NL2Q.Feed: the service document's value[].name
        Reply service = http.get(paths.get("FeedPath"), KEY);
        assertThat(service.status()).isEqualTo(200);
        var sets = new ArrayList<String>();
        service.json().path("value").forEach(v -> sets.add(v.path("name").asText()));
        assertThat(sets).contains("product", "territory");

        // SchemaOf: $metadata as edmx DataServices/Schema/EntityType/Property with Name and Type, in TypeMap
        Reply metadata = http.get(paths.get("MetadataPath"), KEY);
        assertThat(metadata.status()).isEqualTo(200);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        doc.setNamespaceAware(true);
        var xml = doc.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                metadata.body().getBytes(StandardCharsets.UTF_8)));
        var properties = xml.getElementsByTagNameNS("*", "Property");
        assertThat(properties.getLength()).isPositive();
        for (int i = 0; i < properties.getLength(); i++) {
            var p = (org.w3c.dom.Element) properties.item(i);
            assertThat(m).as("TypeMap covers " + p.getAttribute("Type")).contains("\"" + p.getAttribute("Type") + "\"");
        }

        // View: the query options CalculateUrl writes, the $count GetRowCount reads, the pages GetPage follows
        String base = paths.get("FeedPath") + "territory";
        assertThat(m).contains("\"$select=\"", "\"$orderby=\"", "\"$top=\"", "\"$skip=\"", "\"/$count\"");
        Reply count = http.get(base + "/$count", KEY);
        assertThat(Long.parseLong(count.body().trim())).isEqualTo(30);
        String folded = base + "?$select=" + enc("territory_id,region") + "&$orderby=" + enc("region desc,territory_id asc")
                + "&$top=20&$skip=3";
        int rows = 0;
        String next = folded;
        while (next != null) {
            Reply page = http.get(next.substring(next.indexOf("/odata/")), KEY);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = page.json();
            body.path("value").forEach(r -> assertThat(r.has("territory_id") && r.has("region")).isTrue());
            rows += body.path("value").size();
            next = body.hasNonNull("@odata.nextLink") ? body.path("@odata.nextLink").asText() : null;
        }
        assertThat(rows).isEqualTo(20);

        // NL2Q.Contents: POST {"question": ...} answered with @nl2q.columns [{name, type}] and value records
        assertThat(m).contains("question = question", "[#\"@nl2q.columns\"]", "[value]");
        Reply answer = http.post(paths.get("QueryPath"), KEY,
                "{\"question\": \"Show me top 10 prescribers by TRx for Tirosint in Q4 2024\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("@odata.context").asText()).contains("/odata/v1/$metadata");
        assertThat(body.path("value")).hasSize(10);
        for (JsonNode c : body.path("@nl2q.columns")) {
            assertThat(m).contains("\"" + c.path("type").asText() + "\"");
            assertThat(body.path("value").get(0).has(c.path("name").asText())).isTrue();
        }
        // the Basic credential of the built-in OData connector works as well (API key as password)
        assertThat(http.getBasic(paths.get("FeedPath"), "powerbi", KEY).status()).isEqualTo(200);
    }

    /** {@code Name = "/path"} constants of the M code. */
    private Map<String, String> paths() {
        var paths = new LinkedHashMap<String, String>();
        Matcher matcher = Pattern.compile("(?m)^(\\w+Path) = \"([^\"]+)\";").matcher(m);
        while (matcher.find()) {
            paths.put(matcher.group(1), matcher.group(2));
        }
        return paths;
    }

    private List<String> all(String regex) {
        var found = new ArrayList<String>();
        Matcher matcher = Pattern.compile(regex).matcher(m);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
