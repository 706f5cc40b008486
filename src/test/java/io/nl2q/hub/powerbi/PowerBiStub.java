package io.nl2q.hub.powerbi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A WireMock contract stub of the Power BI REST API and the Azure AD token endpoint, in the documented request and
 * response shapes: client-credentials token, GetDatasetsInGroup, PostDatasetInGroup (201), GetTablesInGroup,
 * PostRowsInGroup, DeleteRowsInGroup, RefreshDatasetInGroup (202) and GetRefreshHistoryInGroup.
 */
final class PowerBiStub implements AutoCloseable {
    static final String GROUP = "f089354e-8366-4e18-aea3-4cb4a3a50b48";
    static final String DATASET = "cfafbeb1-8037-4d0c-896e-a46fb27ff229";
    private static final ObjectMapper JSON = new ObjectMapper();
    final WireMockServer server;

    PowerBiStub() {
        this(true);
    }

    /** With or without a journal: the 1M-row benchmark keeps none (it counts requests itself). */
    PowerBiStub(boolean journal) {
        server = new WireMockServer(journal ? options().dynamicPort().bindAddress("127.0.0.1")
                : options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
        server.start();
        reset(false);
    }

    /** The stub's routes; {@code datasetExists} decides whether GetDatasets lists the dataset. */
    void reset(boolean datasetExists) {
        server.resetAll();
        server.stubFor(post(urlMatching("/aad/[^/]+/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"eyJ0eXAi.stub\"}")));
        server.stubFor(get(urlMatching("/v1.0/myorg/groups/" + GROUP + "/datasets")).willReturn(okJson(datasetExists
                ? "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"" + DATASET + "\",\"name\":\"NL2Q tirosint_writers\","
                + "\"addRowsAPIEnabled\":true,\"isRefreshable\":false}]}" : "{\"@odata.context\":\"x\",\"value\":[]}")));
        server.stubFor(post(urlMatching("/v1.0/myorg/groups/" + GROUP + "/datasets\\?defaultRetentionPolicy=None"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(
                        "{\"@odata.context\":\"x\",\"id\":\"" + DATASET + "\",\"name\":\"NL2Q tirosint_writers\","
                                + "\"defaultRetentionPolicy\":\"None\"}")));
        server.stubFor(get(urlMatching("/v1.0/myorg/groups/" + GROUP + "/datasets/[^/]+/tables")).willReturn(okJson(
                "{\"@odata.context\":\"x\",\"value\":[{\"name\":\"tirosint_writers\"}]}")));
        server.stubFor(post(urlPathMatching("/v1.0/myorg/groups/" + GROUP + "/datasets/[^/]+/tables/[^/]+/rows"))
                .willReturn(aResponse().withStatus(200)));
        server.stubFor(delete(urlPathMatching("/v1.0/myorg/groups/" + GROUP + "/datasets/[^/]+/tables/[^/]+/rows"))
                .willReturn(aResponse().withStatus(200)));
    }

    PushProperties properties(int batchSize, List<PushProperties.Binding> bindings) {
        return new PushProperties(url() + "/aad", url() + "/v1.0/myorg", "contoso-tenant", "client-id", "secret",
                batchSize, null, null, null, null, 4, Duration.ofSeconds(1), bindings);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlMatching(".*")));
    }

    List<LoggedRequest> rowPosts() {
        return requests().stream().filter(r -> r.getMethod().getName().equals("POST")
                && r.getUrl().endsWith("/rows")).toList();
    }

    /** The table's content after replaying the journal: DeleteRows empties it, each 200 PostRows appends. */
    List<JsonNode> tableContent() {
        var table = new ArrayList<JsonNode>();
        var events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events); // the journal lists the newest first
        for (var e : events) {
            var r = e.getRequest();
            if (!r.getUrl().contains("/rows")) {
                continue;
            }
            if (r.getMethod().getName().equals("DELETE")) {
                table.clear();
            } else if (e.getResponse().getStatus() == 200) {
                try {
                    JSON.readTree(r.getBodyAsString()).path("rows").forEach(table::add);
                } catch (Exception ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        return table;
    }

    @Override
    public void close() {
        server.stop();
    }
}
