package io.nl2q.hub.reports.render;

import io.nl2q.hub.warehouse.QueryResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A real workbook (Apache POI, streaming: 100 rows in memory at a time): a bold header row, a frozen pane under it,
 * numbers as numbers, dates and timestamps as dates, booleans as booleans.
 */
public final class XlsxRenderer {
    private static final int WINDOW = 100;

    private XlsxRenderer() {
    }

    public static void write(String sheetName, List<QueryResult.ResultColumn> columns, Iterable<List<Object>> rows,
                             OutputStream out) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = book.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle timestamp = book.createCellStyle();
            timestamp.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c).name());
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v != null) {
                        cell(row.createCell(c), columns.get(c).type(), v, date, timestamp);
                    }
                }
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
            try {
                book.close();
            } catch (IOException ignored) {
                // the temporary files are gone with dispose(); nothing else to release
            }
        }
    }

    private static void cell(Cell cell, String type, Object v, CellStyle date, CellStyle timestamp) {
        if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else if ("date".equals(type)) {
            try {
                cell.setCellValue(LocalDate.parse(v.toString()));
                cell.setCellStyle(date);
            } catch (DateTimeParseException e) {
                cell.setCellValue(v.toString());
            }
        } else if ("timestamp".equals(type)) {
            try {
                cell.setCellValue(LocalDateTime.parse(v.toString().replace(' ', 'T').replaceFirst("Z$", "")));
                cell.setCellStyle(timestamp);
            } catch (DateTimeParseException e) {
                cell.setCellValue(v.toString());
            }
        } else {
            cell.setCellValue(v.toString());
        }
    }
}
