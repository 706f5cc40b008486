package io.nl2q.hub.reports.render;

import io.nl2q.hub.pipeline.QueryAnswer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Renders an answer as the schedule's format: CSV, XLSX or an HTML page, with the e-mail's HTML body and chart. */
@Component("reportRenderer")
public class ReportRenderer {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private final int emailTableRows;

    ReportRenderer(@Value("${hub.reports.email-table-rows:50}") int emailTableRows) {
        this.emailTableRows = emailTableRows;
    }

    /**
     * @param readAt   when the run read the data (the file name's stamp)
     * @param dataAsOf the date the data is as of in the warehouse, or null when unknown (the HTML then says when it
     *                 was read, never that the data is as of today)
     */
    public Rendered render(QueryAnswer answer, String format, String name, Instant readAt, String zone,
                           LocalDate dataAsOf) {
        ZoneId tz = ZoneId.of(zone);
        byte[] chart = ChartRenderer.png(answer.chart(), answer.columns(), answer.rows());
        String file = name + "-" + STAMP.format(readAt.atZone(tz));
        HtmlRenderer.When asOf = new HtmlRenderer.When(dataAsOf, readAt, tz);
        var out = new ByteArrayOutputStream();
        return switch (format) {
            case "csv" -> {
                CsvRenderer.write(answer.columns(), answer.rows(), out);
                yield new Rendered(format, out.toByteArray(), "text/csv; charset=utf-8", file + ".csv",
                        answer.rows().size(), HtmlRenderer.render(name, answer, asOf, chart != null,
                        emailTableRows), chart);
            }
            case "xlsx" -> {
                XlsxRenderer.write(name, answer.columns(), answer.rows(), out);
                yield new Rendered(format, out.toByteArray(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx",
                        answer.rows().size(), HtmlRenderer.render(name, answer, asOf, chart != null,
                        emailTableRows), chart);
            }
            case "html" -> {
                String html = HtmlRenderer.render(name, answer, asOf, chart != null, Integer.MAX_VALUE);
                yield new Rendered(format, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                        file + ".html", answer.rows().size(), html, chart);
            }
            default -> throw new IllegalArgumentException("no renderer for " + format);
        };
    }
}
