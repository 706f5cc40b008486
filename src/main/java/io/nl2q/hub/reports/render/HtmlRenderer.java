package io.nl2q.hub.reports.render;

import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.warehouse.QueryResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The HTML e-mail body: title, what was computed (the answer's explanation), when the data was read, the chart
 * (an inline image part, {@code cid:chart}) and the table (at most {@code tableRows}; the attachment holds them all).
 */
public final class HtmlRenderer {
    public static final String CHART_CID = "chart";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private HtmlRenderer() {
    }

    /** The data's as-of date from the warehouse, and when the run read it (shown when the date is unknown). */
    public record When(LocalDate dataAsOf, Instant readAt, ZoneId zone) {
        String text() {
            return dataAsOf != null ? "Data as of " + dataAsOf + " (read " + WHEN.format(readAt.atZone(zone)) + ")"
                    : "Data read " + WHEN.format(readAt.atZone(zone));
        }
    }

    public static String render(String title, QueryAnswer answer, When asOf, boolean chart, int tableRows) {
        StringBuilder html = new StringBuilder(4096 + answer.rows().size() * 64);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title></head><body style=\"font-family:sans-serif\">");
        html.append("<h2>").append(escape(title)).append("</h2>");
        if (answer.explanation() != null) {
            html.append("<p class=\"explanation\">").append(escape(answer.explanation())).append("</p>");
        }
        html.append("<p class=\"as-of\">").append(escape(asOf.text()))
                .append(" &middot; ").append(answer.rows().size()).append(" rows</p>");
        if (chart) {
            html.append("<p><img src=\"cid:").append(CHART_CID).append("\" alt=\"chart\" width=\"720\"></p>");
        }
        html.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">");
        html.append("<thead><tr>");
        for (QueryResult.ResultColumn c : answer.columns()) {
            html.append("<th>").append(escape(c.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        List<List<Object>> rows = answer.rows();
        for (List<Object> row : rows.subList(0, Math.min(rows.size(), tableRows))) {
            html.append("<tr>");
            for (Object v : row) {
                html.append("<td>").append(v == null ? "" : escape(v.toString())).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (rows.size() > tableRows) {
            html.append("<p>The first ").append(tableRows).append(" of ").append(rows.size())
                    .append(" rows are shown; the attachment holds them all.</p>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
