package io.nl2q.hub.reports.render;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.nl2q.hub.warehouse.QueryResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV (CRLF, quotes where needed) in UTF-8 with a byte order mark, so Excel reads accents right. */
public final class CsvRenderer {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvRenderer() {
    }

    public static void write(List<QueryResult.ResultColumn> columns, Iterable<List<Object>> rows, OutputStream out) {
        try {
            out.write(BOM);
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
            csv.writeRecord(columns.stream().map(QueryResult.ResultColumn::name).toList());
            for (List<Object> row : rows) {
                csv.writeRecord(row.stream().map(v -> v == null ? "" : v.toString()).toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
