package io.nl2q.hub.boast;

import io.nl2q.hub.boast.FileContract.Column;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Checks one record of a file against its contract and turns it into the target row: each field trimmed, typed,
 * checked against the column's pattern and allowed values, and looked up where the contract says so. One validator
 * reads one file, on one thread: it reuses its pattern matchers from row to row.
 */
final class RowValidator {
    private final List<Column> columns;
    private final int[] positions;
    private final int fieldCount;
    private final Matcher[] matchers;
    private final Map<String, String>[] lookups;
    private final int width;

    /**
     * @param header  the file's header, by column name its position in a record
     * @param lookups by file column name, normalized match value to looked-up value
     */
    @SuppressWarnings("unchecked")
    RowValidator(FileContract contract, Map<String, Integer> header, Map<String, Map<String, String>> lookups) {
        this.columns = contract.columns();
        this.positions = columns.stream().mapToInt(c -> header.get(c.name())).toArray();
        this.fieldCount = header.size();
        this.matchers = columns.stream().map(c -> c.pattern() == null ? null : c.pattern().matcher(""))
                .toArray(Matcher[]::new);
        this.lookups = columns.stream().map(c -> c.lookup() == null ? null : lookups.get(c.name()))
                .toArray(Map[]::new);
        this.width = columns.size();
    }

    /**
     * The staged row (row number first, then one value per file column, in contract order), or null after
     * reporting why not.
     */
    Object[] row(CsvRecord record, long rowNumber, ErrorReport errors) {
        if (record.getFieldCount() != fieldCount) {
            errors.add(rowNumber, "", "", "expected " + fieldCount + " fields, found " + record.getFieldCount());
            return null;
        }
        Object[] row = new Object[width + 1];
        row[0] = rowNumber;
        boolean ok = true;
        for (int i = 0; i < positions.length; i++) {
            Column column = columns.get(i);
            String raw = record.getField(positions[i]);
            String text = raw.trim();
            String reason = null;
            Object value = null;
            if (text.isEmpty()) {
                if (column.required()) {
                    reason = "required";
                }
            } else if (column.maxLength() != null && text.length() > column.maxLength()) {
                reason = "longer than " + column.maxLength() + " characters";
            } else if (matchers[i] != null && !matchers[i].reset(text).matches()) {
                reason = "does not match " + column.pattern().pattern();
            } else if (!column.allowed().isEmpty() && !column.allowed().contains(text)) {
                reason = "not one of " + String.join(", ", column.allowed());
            } else if (column.lookup() != null) {
                value = lookups[i].get(column.lookup().normalize(text));
                if (value == null) {
                    reason = "unknown " + column.name() + " (no " + column.lookup().table() + " with this "
                            + column.lookup().match() + ")";
                }
            } else {
                try {
                    value = column.type().parse(text);
                } catch (IllegalArgumentException e) {
                    reason = e.getMessage();
                }
            }
            if (reason != null) {
                errors.add(rowNumber, column.name(), raw, reason);
                ok = false;
            }
            row[i + 1] = value;
        }
        return ok ? row : null;
    }
}
