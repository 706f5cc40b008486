package io.nl2q.hub.reports.deliver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nl2q.hub.powerbi.PushService;
import io.nl2q.hub.reports.render.Rendered;
import io.nl2q.hub.reports.schedule.ReportRun;
import io.nl2q.hub.reports.schedule.ReportRuns;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What each destination's route sends, as text (so the dead-letter store keeps it whole and a replay sends it
 * again): the MIME message, the file in Base64, the push binding, a CloudEvent, a webhook summary.
 */
@Component("reportDeliveries")
public class ReportDeliveries {
    static final String EVENT_TYPE = "io.nl2q.report.delivered";
    private final ObjectMapper json;
    private final String from;
    private final String linkBase;
    private final ReportRuns runs;

    ReportDeliveries(ObjectMapper json, @Value("${hub.reports.mail.from:nl2q-hub@localhost}") String from,
                     @Value("${hub.reports.link-base-url:http://localhost:8080}") String linkBase, ReportRuns runs) {
        this.json = json;
        this.runs = runs;
        this.from = from;
        this.linkBase = linkBase.replaceFirst("/+$", "");
    }

    @SuppressWarnings("unchecked")
    public String payload(RunOrder order, Answered answered, Rendered report) {
        Map<String, Object> d = order.schedule().destination();
        String name = order.savedQuestion().name();
        return switch (order.destinationType()) {
            case "email" -> ReportMails.mime(from, (List<String>) d.get("to"),
                    (String) d.getOrDefault("subject", name + " (NL2Q report)"), report);
            case "sftp" -> Base64.getEncoder().encodeToString(report.content());
            case "powerbi" -> (String) d.getOrDefault("binding", "");
            case "kafka" -> event(order, answered);
            case "webhook" -> summary(order, answered, report);
            default -> throw new IllegalArgumentException("no destination " + order.destinationType());
        };
    }

    /** The destination's address the route needs besides the body: folder, topic, URL or dataset. */
    public String target(RunOrder order) {
        Map<String, Object> d = order.schedule().destination();
        Object target = switch (order.destinationType()) {
            case "sftp" -> d.get("directory");
            case "kafka" -> d.get("topic");
            case "webhook" -> d.get("url");
            case "powerbi" -> d.get("dataset");
            default -> null;
        };
        return target == null ? "" : target.toString();
    }

    /**
     * After the Power BI push of a run: true when the rows are in Power BI; otherwise the run ends {@code parked}
     * with the reason (the cause the dead-letter store kept, for a parked push) and the route stops: no refresh
     * of a dataset whose rows did not arrive, and never {@code delivered}.
     */
    public boolean pushed(long runId, Object returned) {
        String unfinished = PushService.unfinished(returned);
        if (unfinished == null) {
            return true;
        }
        if (returned instanceof String) {
            runs.settle(runId); // the dead letter's own cause
        } else {
            runs.end(runId, ReportRun.PARKED, unfinished);
        }
        return false;
    }

    public byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    public MimeMessage mail(String mime) {
        return ReportMails.parse(mime);
    }

    private String event(RunOrder order, Answered answered) {
        ObjectNode e = json.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/nl2q-hub/reports/schedules/" + order.schedule().id());
        e.put("type", EVENT_TYPE);
        e.put("time", Instant.now().toString());
        e.put("tenant", order.tenantId());
        e.put("datacontenttype", "application/json");
        ObjectNode data = e.putObject("data");
        data.put("scheduleId", order.schedule().id());
        data.put("runId", order.runId());
        data.put("savedQuestion", order.savedQuestion().name());
        data.put("rowCount", answered.answer().rows().size());
        data.set("columns", json.valueToTree(answered.answer().columns()));
        data.set("rows", json.valueToTree(answered.answer().rows()));
        return e.toString();
    }

    private String summary(RunOrder order, Answered answered, Rendered report) {
        String link = linkBase + "/api/v1/schedules/" + order.schedule().id() + "/runs";
        ObjectNode m = json.createObjectNode();
        String text = order.savedQuestion().name() + ": " + report.rows() + " rows"
                + (answered.answer().explanation() == null ? "" : ". " + answered.answer().explanation());
        m.put("text", text + " " + link);
        m.put("title", order.savedQuestion().name());
        m.put("scheduleId", order.schedule().id());
        m.put("runId", order.runId());
        m.put("rowCount", report.rows());
        m.put("link", link);
        return m.toString();
    }
}
