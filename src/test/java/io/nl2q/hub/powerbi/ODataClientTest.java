package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.reports.SavedQuestions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.uri.URIBuilder;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.client.core.http.BasicAuthHttpClientFactory;
import org.apache.olingo.client.core.http.DefaultHttpClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OData feed as a real OData client sees it: Apache Olingo's client library reads the service document, parses
 * {@code $metadata} into an Edm, builds its query URLs with its own URI builder, follows {@code @odata.nextLink} and
 * turns error bodies into exceptions. Results are compared with what {@code /api/v1/sql} answers for the same query.
 */
@HubTest
class ODataClientTest {
    private static final String ADMIN = "acme-demo-key";
    private static final String VIEWER = "acme-viewer-key";
    private static final String SAVED_SET = "saved_tirosint_writers";
    @LocalServerPort
    int port;
    @Autowired
    SavedQuestions saved;
    HubHttp http;
    String root;

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        root = "http://127.0.0.1:" + port + "/odata/v1";
        // the same saved question as ODataFeedTest, so the shared context sees one definition whichever runs first
        FeedFixture.saveTirosintWriters(saved);
    }

    /** Olingo's client sending the API key as the X-API-Key header on every request. */
    static ODataClient withApiKey(String key) {
        return withHeader("X-API-Key", key);
    }

    private static ODataClient withHeader(String name, String value) {
        ODataClient client = ODataClientFactory.getClient();
        client.getConfiguration().setHttpClientFactory(new DefaultHttpClientFactory() {
            @Override
            public DefaultHttpClient create(HttpMethod method, URI uri) {
                DefaultHttpClient http = super.create(method, uri);
                http.addRequestInterceptor((request, context) -> request.setHeader(name, value));
                return http;
            }
        });
        return client;
    }

    /**
     * Olingo's client sending HTTP Basic with the API key as password on every request, as Power BI's Basic
     * credential does.
     */
    static ODataClient withBasic(String key) {
        String token = Base64.getEncoder().encodeToString(("powerbi:" + key).getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "Basic " + token);
    }

    @Test
    void challengeDrivenBasicCredentialsAreAnsweredOnTheFeed() {
        // Olingo's BasicAuthHttpClientFactory sends credentials only after a 401 with a Basic challenge
        ODataClient client = ODataClientFactory.getClient();
        client.getConfiguration().setHttpClientFactory(new BasicAuthHttpClientFactory("powerbi", ADMIN));
        var doc = client.getRetrieveRequestFactory().getServiceDocumentRequest(root).execute().getBody();
        assertThat(doc.getEntitySetNames()).contains("hcp");
    }

    @Test
    void serviceDocumentListsEveryTableAndSavedQuestion() {
        ODataClient client = withApiKey(ADMIN);
        var doc = client.getRetrieveRequestFactory().getServiceDocumentRequest(root).execute().getBody();
        assertThat(doc.getEntitySetNames()).contains("territory", "hcp", "product", "payer", "rx_weekly",
                "call_activity", "hcp_target", "formulary", SAVED_SET);
        assertThat(doc.getEntitySetURI("hcp")).hasToString(root + "/hcp");
        // the links are usable as they come: 30 territories, on pages of 7
        assertThat(client.getRetrieveRequestFactory().getEntitySetRequest(doc.getEntitySetURI("territory"))
                .execute().getBody().getEntities()).hasSize(7);
    }

    @Test
    void metadataParsesIntoAnEdmWithKeysAndTypes() {
        Edm edm = withApiKey(ADMIN).getRetrieveRequestFactory().getMetadataRequest(root).execute().getBody();
        assertThat(edm.getEntityContainer().getEntitySet("rx_weekly").getEntityType().getName()).isEqualTo("rx_weekly");

        EdmEntityType rx = type(edm, "rx_weekly");
        assertThat(rx.getKeyPredicateNames()).containsExactly("week_ending", "hcp_id", "product_id", "payer_id");
        assertThat(typeOf(rx, "week_ending")).isEqualTo("Edm.Date");
        assertThat(typeOf(rx, "hcp_id")).isEqualTo("Edm.String");
        assertThat(typeOf(rx, "trx")).isIn("Edm.Int64", "Edm.Int32");
        assertThat(typeOf(rx, "nrx")).isIn("Edm.Int64", "Edm.Int32");
        assertThat(rx.getStructuralProperty("trx").isNullable()).isFalse();

        EdmEntityType hcp = type(edm, "hcp");
        assertThat(hcp.getKeyPredicateNames()).containsExactly("hcp_id");
        assertThat(hcp.getPropertyNames()).contains("specialty", "decile", "full_name", "npi", "first_name",
                "last_name");
        assertThat(typeOf(hcp, "decile")).isIn("Edm.Int64", "Edm.Int32");
        assertThat(hcp.getStructuralProperty("crm_account_id").isNullable()).isTrue();
        assertThat(typeOf(type(edm, "product"), "is_promoted")).isEqualTo("Edm.Boolean");
        assertThat(typeOf(type(edm, "call_activity"), "call_date")).isEqualTo("Edm.Date");

        EdmEntityType writers = type(edm, SAVED_SET);
        assertThat(writers.getKeyPredicateNames()).containsExactly(FeedSet.ROW_KEY);
        assertThat(typeOf(writers, FeedSet.ROW_KEY)).isEqualTo("Edm.Int64");
        assertThat(writers.getPropertyNames()).contains("hcp_id", "full_name", "trx");
    }

    @Test
    void piiPropertiesOnlyInTheMetadataOfRolesAllowedToSeeThem() {
        Edm viewer = withBasic(VIEWER).getRetrieveRequestFactory().getMetadataRequest(root).execute().getBody();
        assertThat(type(viewer, "hcp").getPropertyNames()).contains("hcp_id", "specialty", "decile")
                .doesNotContain("full_name", "first_name", "last_name", "npi");
        assertThat(type(viewer, SAVED_SET).getPropertyNames()).contains("hcp_id", "trx").doesNotContain("full_name");

        ClientEntity row = withBasic(VIEWER).getRetrieveRequestFactory()
                .getEntitySetRequest(uri(b -> b.appendEntitySetSegment("hcp").top(1))).execute().getBody()
                .getEntities().get(0);
        assertThat(row.getProperty("specialty")).isNotNull();
        assertThat(row.getProperty("full_name")).isNull();
        assertThat(row.getProperty("npi")).isNull();
    }

    @Test
    void queryOptionsFromTheUriBuilderAnswerAsTheSqlApiDoes() {
        ODataClient client = withApiKey(ADMIN);
        List<List<String>> expected = sqlRows(
                "SELECT hcp_id, decile FROM hcp WHERE specialty = 'Endocrinology' ORDER BY hcp_id");
        assertThat(expected).hasSizeGreaterThan(7); // more than one page

        URI all = uri(b -> b.appendEntitySetSegment("hcp")
                .filter(client.getFilterFactory().eq("specialty", "Endocrinology"))
                .select("hcp_id", "decile").orderBy("hcp_id").count(true));
        assertThat(all.getQuery()).contains("$filter=", "$select=", "$orderby=", "$count=true");
        ClientEntitySet first = client.getRetrieveRequestFactory().getEntitySetRequest(all).execute().getBody();
        assertThat(first.getCount()).isEqualTo(expected.size());
        assertThat(first.getEntities()).hasSize(7);
        ClientEntity entity = first.getEntities().get(0);
        assertThat(entity.getProperties()).extracting(p -> p.getName()).containsExactlyInAnyOrder("hcp_id", "decile");
        assertThat(entity.getProperty("decile").getPrimitiveValue().toValue()).isInstanceOfAny(Long.class, Integer.class);
        assertThat(rows(client, all, List.of("hcp_id", "decile"))).isEqualTo(expected);

        URI window = uri(b -> b.appendEntitySetSegment("hcp")
                .filter(client.getFilterFactory().eq("specialty", "Endocrinology"))
                .select("hcp_id", "decile").orderBy("hcp_id").skip(2).top(4));
        assertThat(rows(client, window, List.of("hcp_id", "decile"))).isEqualTo(expected.subList(2, 6));

        URI descending = uri(b -> b.appendEntitySetSegment("hcp")
                .filter(client.getFilterFactory().and(client.getFilterFactory().eq("specialty", "Endocrinology"),
                        client.getFilterFactory().ge("decile", 5)))
                .select("hcp_id", "decile").orderBy("decile desc,hcp_id"));
        assertThat(rows(client, descending, List.of("hcp_id", "decile"))).isEqualTo(sqlRows(
                "SELECT hcp_id, decile FROM hcp WHERE specialty = 'Endocrinology' AND decile >= 5 "
                        + "ORDER BY decile DESC, hcp_id"));
    }

    @Test
    void typedValuesArriveAsTheirJavaTypes() throws Exception {
        ODataClient client = withApiKey(ADMIN);
        ClientEntity rx = client.getRetrieveRequestFactory().getEntitySetRequest(uri(b -> b
                .appendEntitySetSegment("rx_weekly").filter("week_ending eq 2024-12-27").top(1))).execute().getBody()
                .getEntities().get(0);
        assertThat(rx.getProperty("week_ending").getPrimitiveValue().toCastValue(java.time.LocalDate.class))
                .isEqualTo(java.time.LocalDate.of(2024, 12, 27));
        assertThat(rx.getProperty("trx").getPrimitiveValue().toValue()).isInstanceOfAny(Long.class, Integer.class);
        ClientEntity product = client.getRetrieveRequestFactory().getEntitySetRequest(uri(b -> b
                .appendEntitySetSegment("product").filter(client.getFilterFactory().eq("product_id", "P01"))))
                .execute().getBody().getEntities().get(0);
        assertThat(product.getProperty("is_promoted").getPrimitiveValue().toValue()).isInstanceOf(Boolean.class);
    }

    @Test
    void followsNextLinksUntilEveryRowHasArrivedOnce() {
        ODataClient client = withApiKey(ADMIN);
        // keyset paging (the key order), offset paging (a requested order that is not unique), a saved question
        assertPagedReadIsComplete(client, uri(b -> b.appendEntitySetSegment("hcp").select("hcp_id")), "hcp_id",
                "SELECT COUNT(*) FROM hcp");
        assertPagedReadIsComplete(client, uri(b -> b.appendEntitySetSegment("hcp").select("hcp_id", "city")
                .orderBy("city desc")), "hcp_id", "SELECT COUNT(*) FROM hcp");
        assertPagedReadIsComplete(client, uri(b -> b.appendEntitySetSegment(SAVED_SET)), "hcp_id",
                "SELECT COUNT(*) FROM (" + FeedFixture.TIROSINT_WRITERS_SQL + ") w");
    }

    @Test
    void malformedFilterIsA400WithAnODataErrorBody() {
        ODataClient client = withApiKey(ADMIN);
        var e = catchThrowableOfType(ODataClientErrorException.class, () -> client.getRetrieveRequestFactory()
                .getEntitySetRequest(uri(b -> b.appendEntitySetSegment("hcp").filter("specialty eq"))).execute());
        assertThat(e).isNotNull();
        assertThat(e.getStatusLine().getStatusCode()).isEqualTo(400);
        assertThat(e.getODataError()).isNotNull();
        assertThat(e.getODataError().getMessage()).isNotBlank().doesNotContain("Exception", "SELECT");

        var unknown = catchThrowableOfType(ODataClientErrorException.class, () -> client.getRetrieveRequestFactory()
                .getEntitySetRequest(uri(b -> b.appendEntitySetSegment("hcp").filter("no_such_column eq 1")))
                .execute());
        assertThat(unknown.getStatusLine().getStatusCode()).isEqualTo(400);
        assertThat(unknown.getODataError().getMessage()).isNotBlank();
    }

    @Test
    void withoutAKeyTheClientIsRefused() {
        var e = catchThrowableOfType(ODataClientErrorException.class, () -> ODataClientFactory.getClient()
                .getRetrieveRequestFactory().getServiceDocumentRequest(root).execute());
        assertThat(e).isNotNull();
        assertThat(e.getStatusLine().getStatusCode()).isEqualTo(401);
    }

    private void assertPagedReadIsComplete(ODataClient client, URI first, String idProperty, String countSql) {
        var ids = new ArrayList<String>();
        int pages = 0;
        for (URI next = first; next != null; pages++) {
            ClientEntitySet page = client.getRetrieveRequestFactory().getEntitySetRequest(next).execute().getBody();
            assertThat(page.getEntities()).as(next.toString()).hasSizeLessThanOrEqualTo(7);
            page.getEntities().forEach(e -> ids.add(value(e, idProperty)));
            next = page.getNext();
        }
        long total = http.sql(ADMIN, countSql).json().path("rows").get(0).get(0).asLong();
        assertThat(ids).as(first.toString()).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(pages).as(first.toString()).isGreaterThan(1);
    }

    /** Every row of a read, following next links, as the string values of {@code properties}. */
    private static List<List<String>> rows(ODataClient client, URI first, List<String> properties) {
        var rows = new ArrayList<List<String>>();
        for (URI next = first; next != null; ) {
            ClientEntitySet page = client.getRetrieveRequestFactory().getEntitySetRequest(next).execute().getBody();
            page.getEntities().forEach(e -> rows.add(properties.stream().map(p -> value(e, p)).toList()));
            next = page.getNext();
        }
        return rows;
    }

    private List<List<String>> sqlRows(String sql) {
        var reply = http.sql(ADMIN, sql);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var rows = new ArrayList<List<String>>();
        for (JsonNode row : reply.json().path("rows")) {
            var cells = new ArrayList<String>();
            row.forEach(cell -> cells.add(cell.asText()));
            rows.add(cells);
        }
        return rows;
    }

    private static String value(ClientEntity entity, String property) {
        return String.valueOf(entity.getProperty(property).getPrimitiveValue().toValue());
    }

    private URI uri(Function<URIBuilder, URIBuilder> options) {
        return options.apply(ODataClientFactory.getClient().newURIBuilder(root)).build();
    }

    private static EdmEntityType type(Edm edm, String name) {
        EdmEntityType type = edm.getEntityType(new FullQualifiedName(FeedEdmProvider.NAMESPACE, name));
        assertThat(type).as(name).isNotNull();
        return type;
    }

    private static String typeOf(EdmEntityType type, String property) {
        return type.getStructuralProperty(property).getType().getFullQualifiedName().getFullQualifiedNameAsString();
    }
}
