package io.nl2q.hub.boast;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code <file>.errors.csv} sent back to the partner: one line per refused value (row, column, value, reason),
 * written as the file is read so that a file full of errors is never held in memory. {@code row} is the record
 * number in the file, the header being row 1.
 */
final class ErrorReport implements AutoCloseable {
    private final Path path;
    private final int maxLines;
    private CsvWriter printer;
    private long lines;
    private boolean closed;

    ErrorReport(Path path, int maxLines) {
        this.path = path;
        this.maxLines = maxLines;
    }

    void add(long row, String column, String value, String reason) {
        try {
            if (printer == null) {
                Files.createDirectories(path.getParent());
                printer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(path, StandardCharsets.UTF_8);
                printer.writeRecord("row", "column", "value", "reason");
            }
            lines++;
            if (lines < maxLines) {
                printer.writeRecord(Long.toString(row), column, value, reason);
            } else if (lines == maxLines) {
                printer.writeRecord("", "", "", "report cut at " + maxLines + " lines; further errors not listed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report file, or null when nothing was refused. */
    Path path() {
        return printer == null ? null : path;
    }

    @Override
    public void close() {
        if (printer != null && !closed) {
            closed = true;
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
