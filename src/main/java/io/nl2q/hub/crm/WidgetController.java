package io.nl2q.hub.crm;

import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.security.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpHeaders;
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
 * The HCP widget a rep sees inside Veeva: the page, and the HTTP edge of its routes (routes/crm-widget.camel.yaml:
 * its data, an ask box scoped to the HCP through the answer route, and the API that issues signed links). The
 * routes answer with the error contract (code, message, phase, correlation id) and audit every read.
 */
@RestController
class WidgetController {
    private final WidgetRequests widget;
    private final ProducerTemplate routes;

    WidgetController(WidgetRequests widget, ProducerTemplate routes) {
        this.widget = widget;
        this.routes = routes;
    }

    /** Issues a signed link for an HCP of the caller's own tenant. */
    @PostMapping(path = "/api/v1/crm/widget-links", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> issue(@RequestBody(required = false) String body, HttpServletRequest request) {
        return call("direct:crm-widget-links", null, null, body, request);
    }

    @GetMapping(path = "/widget/hcp/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String id, @RequestParam(name = "t", required = false) String token) {
        try {
            widget.caller(token, id);
        } catch (HubException refused) {
            return ResponseEntity.status(refused.code().httpStatus())
                    .body(html("<p id=\"refused\">" + WidgetRequests.NOT_AVAILABLE + "</p>", null, null));
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
    ResponseEntity<byte[]> data(@PathVariable String id, @RequestParam(name = "t", required = false) String token,
                                HttpServletRequest request) {
        return call("direct:crm-widget-data", id, token, null, request);
    }

    /** A question about this HCP: answered only when its rows are prescribers, then filtered to this one. */
    @PostMapping(path = "/widget/api/hcp/{id}/ask", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> ask(@PathVariable String id, @RequestParam(name = "t", required = false) String token,
                               @RequestBody(required = false) String body, HttpServletRequest request) {
        return call("direct:crm-widget-ask", id, token, body, request);
    }

    /** Runs a widget route and answers with what it made: its JSON body, status and headers. */
    private ResponseEntity<byte[]> call(String route, String id, String token, String body,
                                        HttpServletRequest request) {
        String correlationId = CorrelationIds.of(request);
        Exchange done = routes.send(route, e -> {
            e.setVariable("correlationId", correlationId);
            e.setVariable("hcpId", id);
            e.setVariable("token", token);
            e.getMessage().setBody(body == null ? "" : body);
        });
        Map<String, Object> headers = done.getMessage().getHeaders();
        Object status = headers.get(Exchange.HTTP_RESPONSE_CODE);
        HttpHeaders out = new HttpHeaders();
        out.setContentType(MediaType.APPLICATION_JSON);
        out.set(CorrelationIds.HEADER, correlationId);
        if (headers.get("Retry-After") != null) {
            out.set(HttpHeaders.RETRY_AFTER, String.valueOf(headers.get("Retry-After")));
        }
        int code = status == null ? 200 : Integer.parseInt(String.valueOf(status));
        return ResponseEntity.status(code).headers(out).body(done.getMessage().getBody(byte[].class));
    }

    private static String html(String body, String id, String token) {
        String data = id == null ? "" : " data-hcp=\"" + HtmlUtils.htmlEscape(id) + "\" data-token=\""
                + HtmlUtils.htmlEscape(token) + "\"";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>NL2Q HCP</title>"
                + "<link rel=\"stylesheet\" href=\"/widget/widget.css\"></head><body" + data + ">" + body
                + (id == null ? "" : "<script src=\"/widget/widget.js\"></script>") + "</body></html>";
    }
}
