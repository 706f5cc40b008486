package io.nl2q.hub.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV as Bulk API 2.0 reads and writes it: comma, double quotes doubled inside quoted values, LF lines. */
final class Csv {
    private Csv() {
    }

    /** Rows as maps keyed by the header line; empty values become null (Bulk 2.0 writes nulls as empty). */
    static List<Map<String, String>> read(String text) {
        List<List<String>> lines = parse(text);
        List<Map<String, String>> rows = new ArrayList<>(Math.max(0, lines.size() - 1));
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = lines.get(0);
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String v = c < line.size() ? line.get(c) : null;
                row.put(header.get(c), v == null || v.isEmpty() ? null : v);
            }
            rows.add(row);
        }
        return rows;
    }

    static String write(List<String> header, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (Map<String, String> row : rows) {
            line(out, header.stream().map(row::get).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v != null) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    line.add(cell.toString());
                    lines.add(line);
                }
                line = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }
}
