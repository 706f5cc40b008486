package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.security.ApiKeyStore;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11: one PII policy. The feed's PII columns (hub.powerbi.odata.pii-columns) are hidden from viewers on the
 * question API, the Power BI query, the widget (its data and its ask box) and exports alike; callers with a PII role
 * (pii-roles: analyst, admin) see them.
 */
@HubTest
class PiiPolicyTest {
    private static final String PRESCRIBERS = "{\"question\":\"top 10 prescribers by TRx for Tirosint in Q4 2024\"}";
    private static final List<String> PII = List.of("first_name", "last_name", "full_name", "npi");
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyStore keys;
    @Autowired
    WarehouseRegistry warehouses;

    @Test
    void theQuestionApiHidesPiiColumnsFromViewersOnly() {
        var http = new HubHttp(port);
        JsonNode full = http.post("/api/v1/query", "acme-demo-key", PRESCRIBERS).json();
        assertThat(names(full.path("columns"))).containsAnyElementsOf(PII);
        JsonNode viewer = http.post("/api/v1/query", "acme-viewer-key", PRESCRIBERS).json();
        assertThat(viewer.path("rows").size()).isEqualTo(full.path("rows").size());
        assertThat(names(viewer.path("columns"))).doesNotContainAnyElementsOf(PII).contains("trx");
        assertThat(viewer.path("explanation").asText()).contains("hidden for your role");
    }

    @Test
    void thePowerBiQueryHidesPiiColumnsFromViewers() {
        var http = new HubHttp(port);
        JsonNode full = http.post("/api/powerbi/query", "acme-demo-key", PRESCRIBERS).json();
        assertThat(fields(full.path("value").get(0))).containsAnyElementsOf(PII);
        JsonNode viewer = http.post("/api/powerbi/query", "acme-viewer-key", PRESCRIBERS).json();
        assertThat(viewer.path("value").size()).isEqualTo(full.path("value").size());
        assertThat(fields(viewer.path("value").get(0))).doesNotContainAnyElementsOf(PII).contains("trx");
    }

    @Test
    void theWidgetShowsNamesAndNpisOnlyOnLinksOfIssuersWithAPiiRole() {
        var http = new HubHttp(port);
        String crmId = InitrodeFixture.linkedPromotedHcp(
                new JdbcTemplate(warehouses.forTenant("initrode").writer()));
        String viewerLink = link(http, key(Set.of(Role.VIEWER)), crmId);
        String analystLink = link(http, key(Set.of(Role.ANALYST)), crmId);

        JsonNode hidden = http.get("/widget/api/hcp/" + crmId + "?t=" + viewerLink, null).json();
        assertThat(fields(hidden.path("hcp"))).doesNotContainAnyElementsOf(PII).contains("specialty", "city");
        assertThat(hidden.path("trend").size()).isPositive();
        JsonNode shown = http.get("/widget/api/hcp/" + crmId + "?t=" + analystLink, null).json();
        assertThat(fields(shown.path("hcp"))).contains("full_name", "npi");

        HubHttp.Reply viewerAsk = http.post("/widget/api/hcp/" + crmId + "/ask?t=" + viewerLink, null, PRESCRIBERS);
        HubHttp.Reply analystAsk = http.post("/widget/api/hcp/" + crmId + "/ask?t=" + analystLink, null, PRESCRIBERS);
        assertThat(viewerAsk.status()).as(viewerAsk.body()).isEqualTo(200);
        assertThat(names(viewerAsk.json().path("columns"))).doesNotContainAnyElementsOf(PII).contains("hcp_id");
        assertThat(names(analystAsk.json().path("columns"))).containsAnyElementsOf(PII);
    }

    @Test
    void exportsAreNotAViewersWayAroundThePolicy() {
        // exports run as their configured feed (analyst), and only an operator of the tenant starts one
        var http = new HubHttp(port);
        HubHttp.Reply refused = http.post("/api/v1/boast/exports/acme_tiers/run", "acme-viewer-key", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void widgetRefusalsUseTheErrorContract() {
        var http = new HubHttp(port);
        HubHttp.Reply refused = http.get("/widget/api/hcp/001000000000000AAA?t=forged.token", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(refused.json().path("error").path("phase").asText()).isEqualTo("authenticate");
        assertThat(refused.json().path("error").path("correlationId").asText()).isNotBlank();
    }

    private String key(Set<Role> roles) {
        String key = "test-" + UUID.randomUUID();
        keys.insert("initrode", key, "pii-policy", roles, null);
        return key;
    }

    private static String link(HubHttp http, String key, String crmId) {
        HubHttp.Reply issued = http.post("/api/v1/crm/widget-links", key, "{\"crmAccountId\":\"" + crmId + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String url = issued.json().path("url").asText();
        return url.substring(url.indexOf("?t=") + 3);
    }

    private static List<String> names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.isTextual() ? c.asText() : c.path("name").asText()));
        return names;
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
