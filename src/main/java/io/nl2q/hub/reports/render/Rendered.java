package io.nl2q.hub.reports.render;

import java.util.Objects;

/**
 * A report ready to deliver: the file (or e-mail body) in its format, and for e-mail the HTML summary and chart.
 *
 * @param html   the HTML body of an e-mail: the report itself for format html, a summary otherwise
 * @param chart  a PNG of the answer's chart suggestion, or null when it suggests a table
 */
public record Rendered(String format, byte[] content, String contentType, String fileName, int rows, String html,
                       byte[] chart) {
    public Rendered {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(fileName, "fileName");
    }
}
