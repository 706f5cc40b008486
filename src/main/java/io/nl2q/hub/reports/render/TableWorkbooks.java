package io.nl2q.hub.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.reports.JsonBodies;
import io.nl2q.hub.reports.SavedQuestion;
import io.nl2q.hub.warehouse.QueryResult;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/render/xlsx}: an answer's table ({@code columns} and {@code rows} as {@code /api/v1/query}
 * returns them) as a workbook from the reports' XLSX renderer, so the web app's download is the same file a
 * schedule sends. It reads no data: it only changes the format of rows the caller already holds.
 */
@Component("tableWorkbooks")
public class TableWorkbooks {
    static final int MAX_ROWS = 100_000;
    static final int MAX_COLUMNS = 500;
    private final ObjectMapper json;

    TableWorkbooks(ObjectMapper json) {
        this.json = json;
    }

    public byte[] xlsx(String body) {
        JsonNode root = JsonBodies.object(json, body);
        String sheet = root.path("name").asText("answer");
        if (!SavedQuestion.NAME.matcher(sheet).matches()) {
            sheet = "answer";
        }
        JsonNode columns = root.get("columns");
        if (columns == null || !columns.isArray() || columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw JsonBodies.bad("columns", "must be a list of 1 to " + MAX_COLUMNS + " columns {\"name\", \"type\"}");
        }
        List<QueryResult.ResultColumn> header = new ArrayList<>();
        for (JsonNode c : columns) {
            if (!c.path("name").isTextual()) {
                throw JsonBodies.bad("columns", "must hold objects with a \"name\"");
            }
            header.add(new QueryResult.ResultColumn(c.path("name").asText(), c.path("type").asText("string")));
        }
        JsonNode rows = root.get("rows");
        if (rows == null || !rows.isArray() || rows.size() > MAX_ROWS) {
            throw JsonBodies.bad("rows", "must be a list of at most " + MAX_ROWS + " rows");
        }
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() != header.size()) {
                throw JsonBodies.bad("rows", "must hold lists of " + header.size() + " values, one per column");
            }
            List<Object> cells = new ArrayList<>(row.size());
            for (JsonNode v : row) {
                cells.add(v.isNull() ? null : v.isNumber() ? v.numberValue() : v.isBoolean() ? v.asBoolean()
                        : v.isValueNode() ? v.asText() : v.toString());
            }
            values.add(cells);
        }
        var out = new ByteArrayOutputStream(8192 + values.size() * 32);
        XlsxRenderer.write(sheet, header, values, out);
        return out.toByteArray();
    }


}
