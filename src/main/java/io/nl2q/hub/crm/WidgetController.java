package io.nl2q.hub.crm;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.query.QueryGenerator;
import io.nl2q.hub.query.QueryProperties;
import io.nl2q.hub.query.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Callers;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.warehouse.QueryResult;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The HCP widget a rep sees inside Veeva: the page, its data (trend, recent calls, latest insight) and an ask box
 * scoped to the HCP, each request authorized by the signed link; and the API that issues such links.
 */
@RestController
class WidgetController {
    private final WidgetLinks links;
    private final GuardedReads reads;
    private final SyncState state;
    private final WarehouseRegistry warehouses;
    private final QueryGenerator generator;
    private final Callers callers;
    private final QueryProperties questionLimits;

    WidgetController(WidgetLinks links, GuardedReads reads, SyncState state, WarehouseRegistry warehouses,
                     QueryGenerator generator, Callers callers, QueryProperties questionLimits) {
        this.questionLimits = questionLimits;
        this.links = links;
        this.reads = reads;
        this.state = state;
        this.warehouses = warehouses;
        this.generator = generator;
        this.callers = callers;
    }

    /** Issues a signed link for an HCP of the caller's own tenant. */
    @PostMapping(path = "/api/v1/crm/widget-links", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> issue(@RequestBody Map<String, String> body) {
        Caller caller = callers.current();
        String id = body.get("crmAccountId");
        if (!GuardedReads.isCrmId(id) || hcp(caller.tenant().id(), id).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", Map.of("code", "NOT_FOUND",
                    "message", "no HCP with this CRM account id in your tenant")));
        }
        var grant = links.issue(caller.tenant().id(), id, caller.subject());
        return ResponseEntity.ok(Map.of("url", "/widget/hcp/" + id + "?t=" + links.token(grant),
                "expiresAt", grant.expiresAt().toString()));
    }

    @GetMapping(path = "/widget/hcp/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String id, @RequestParam(name = "t", required = false) String token) {
        Optional<WidgetLinks.Grant> grant = links.verify(token, id);
        if (grant.isEmpty() || hcp(grant.get().tenant(), id).isEmpty()) {
            return ResponseEntity.status(grant.isEmpty() ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND)
                    .body(html("<p id=\"refused\">This HCP is not available with this link.</p>", null, null));
        }
        return ResponseEntity.ok(html("""
                <header><h1 id="name">…</h1><p id="meta"></p></header>
                <section><h2>TRx, last 52 weeks</h2><div id="chart"></div></section>
                <section><h2>Latest insight</h2><p id="trend"></p><p id="summary"></p><p id="message"></p>
                <button id="send" type="button">Send insight to Veeva</button></section>
                <section><h2>Recent calls</h2><ul id="calls"></ul></section>
                <section><h2>Ask about this HCP</h2><form id="ask"><input id="question" maxlength="500">
                <button type="submit">Ask</button></form><div id="answer"></div></section>""", id, token));
    }

    @GetMapping(path = "/widget/api/hcp/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> data(@PathVariable String id, @RequestParam("t") String token) {
        Optional<WidgetLinks.Grant> grant = links.verify(token, id);
        if (grant.isEmpty()) {
            return refused(HttpStatus.FORBIDDEN);
        }
        String tenant = grant.get().tenant();
        Optional<Map<String, Object>> hcp = hcp(tenant, id);
        if (hcp.isEmpty()) {
            return refused(HttpStatus.NOT_FOUND);
        }
        String hcpFilter = " WHERE h.crm_account_id = " + GuardedReads.literal(id);
        QueryResult trend = reads.query(tenant, "SELECT r.week_ending, SUM(r.trx) AS trx FROM rx_weekly r JOIN hcp h"
                + " ON h.hcp_id = r.hcp_id" + hcpFilter + " GROUP BY r.week_ending ORDER BY r.week_ending DESC", 52);
        QueryResult calls = reads.query(tenant, "SELECT c.call_date, c.channel, p.product_name FROM call_activity c"
                + " JOIN hcp h ON h.hcp_id = c.hcp_id JOIN product p ON p.product_id = c.product_id" + hcpFilter
                + " ORDER BY c.call_date DESC", 10);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hcp", hcp.get());
        List<List<Object>> weeks = new java.util.ArrayList<>(trend.rows());
        java.util.Collections.reverse(weeks);
        out.put("trend", weeks.stream().map(r -> Map.of("week", String.valueOf(r.get(0)),
                "trx", r.get(1))).toList());
        out.put("calls", calls.rows().stream().map(r -> Map.of("date", String.valueOf(r.get(0)), "channel", r.get(1),
                "product", r.get(2))).toList());
        out.put("insight", state.latestInsight(tenant, id).orElse(Map.of()));
        return ResponseEntity.ok(out);
    }

    /** A question about this HCP: answered only when its rows are prescribers, then filtered to this one. */
    @PostMapping(path = "/widget/api/hcp/{id}/ask", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ask(@PathVariable String id, @RequestParam("t") String token,
                                            @RequestBody Map<String, String> body) {
        Optional<WidgetLinks.Grant> grant = links.verify(token, id);
        if (grant.isEmpty() || hcp(grant.get().tenant(), id).isEmpty()) {
            return refused(HttpStatus.FORBIDDEN);
        }
        String question = String.valueOf(body.get("question"));
        if (question.length() > questionLimits.maxQuestionLength()) {
            return ResponseEntity.badRequest().body(Map.of("error", Map.of("code", "BAD_REQUEST", "message",
                    "the question is " + question.length() + " characters long; the limit is "
                            + questionLimits.maxQuestionLength())));
        }
        var tenantRef = warehouses.forTenant(grant.get().tenant()).tenant();
        Caller caller = new Caller(tenantRef, "widget:" + grant.get().subject(), Set.of(Role.VIEWER));
        try {
            var generated = generator.generate(new Question(question), caller);
            Optional<String> scoped = HcpScope.scope(generated.sql(), id);
            if (scoped.isEmpty()) {
                return notAboutThisHcp();
            }
            QueryResult result = reads.query(tenantRef.id(), scoped.get(), 100);
            return ResponseEntity.ok(Map.of("explanation", generated.explanation() + " (this HCP only)",
                    "columns", result.columns().stream().map(QueryResult.ResultColumn::name).toList(),
                    "rows", result.rows()));
        } catch (HubException e) {
            return ResponseEntity.status(e.code().httpStatus()).body(Map.of("error", Map.of("code", e.code().name(),
                    "message", e.getMessage())));
        } catch (RuntimeException e) {
            return notAboutThisHcp();
        }
    }

    private static ResponseEntity<Map<String, Object>> notAboutThisHcp() {
        return ResponseEntity.unprocessableEntity().body(Map.of("error", Map.of("code", "UNANSWERABLE",
                "message", "This box answers questions about this HCP, e.g. top prescribers by TRx for Tirosint in Q4 2024.")));
    }

    private Optional<Map<String, Object>> hcp(String tenant, String id) {
        if (!GuardedReads.isCrmId(id)) {
            return Optional.empty();
        }
        QueryResult r = reads.query(tenant, "SELECT full_name, specialty, city, state, npi FROM hcp WHERE crm_account_id = "
                + GuardedReads.literal(id), 1);
        if (r.rows().isEmpty()) {
            return Optional.empty();
        }
        List<Object> row = r.rows().get(0);
        Map<String, Object> hcp = new LinkedHashMap<>();
        for (int i = 0; i < r.columns().size(); i++) {
            hcp.put(r.columns().get(i).name(), row.get(i));
        }
        return Optional.of(hcp);
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status) {
        return ResponseEntity.status(status).body(Map.of("error", Map.of("code", status == HttpStatus.FORBIDDEN
                ? "FORBIDDEN" : "NOT_FOUND", "message", "This HCP is not available with this link.")));
    }

    private static String html(String body, String id, String token) {
        String data = id == null ? "" : " data-hcp=\"" + HtmlUtils.htmlEscape(id) + "\" data-token=\""
                + HtmlUtils.htmlEscape(token) + "\"";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>NL2Q HCP</title>"
                + "<link rel=\"stylesheet\" href=\"/widget/widget.css\"></head><body" + data + ">" + body
                + (id == null ? "" : "<script src=\"/widget/widget.js\"></script>") + "</body></html>";
    }
}
