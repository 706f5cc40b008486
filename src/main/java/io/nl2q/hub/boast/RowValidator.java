package io.nl2q.hub.boast;

import io.nl2q.hub.boast.FileContract.Column;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks one record of a file against its contract and turns it into the target row: each field trimmed, typed,
 * checked against the column's pattern and allowed values, and looked up where the contract says so.
 */
final class RowValidator {
    private final List<Column> columns;
    private final int[] positions;
    private final int fieldCount;
    private final Map<String, Map<String, String>> lookups;
    private final String sourceFile;
    private final int width;

    /**
     * @param header  the file's header, by column name its position in a record
     * @param lookups by file column name, normalized match value to looked-up value
     */
    RowValidator(FileContract contract, Map<String, Integer> header, Map<String, Map<String, String>> lookups,
                 String sourceFile) {
        this.columns = contract.columns();
        this.positions = columns.stream().mapToInt(c -> header.get(c.name())).toArray();
        this.fieldCount = header.size();
        this.lookups = lookups;
        this.sourceFile = contract.sourceFileColumn() == null ? null : sourceFile;
        this.width = contract.targetColumns().size();
    }

    /** The target row (row number first, then the target columns), or null after reporting why not. */
    Object[] row(CSVRecord record, long rowNumber, ErrorReport errors) {
        if (record.size() != fieldCount) {
            errors.add(rowNumber, "", "", "expected " + fieldCount + " fields, found " + record.size());
            return null;
        }
        Object[] row = new Object[width + 1];
        row[0] = rowNumber;
        boolean ok = true;
        for (int i = 0; i < positions.length; i++) {
            Column column = columns.get(i);
            String raw = record.get(positions[i]);
            String text = raw.trim();
            String reason = null;
            Object value = null;
            if (text.isEmpty()) {
                if (column.required()) {
                    reason = "required";
                }
            } else if (column.maxLength() != null && text.length() > column.maxLength()) {
                reason = "longer than " + column.maxLength() + " characters";
            } else if (column.pattern() != null && !column.pattern().matcher(text).matches()) {
                reason = "does not match " + column.pattern().pattern();
            } else if (!column.allowed().isEmpty() && !column.allowed().contains(text)) {
                reason = "not one of " + String.join(", ", column.allowed());
            } else if (column.lookup() != null) {
                value = lookups.get(column.name()).get(column.lookup().normalize(text));
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
        if (sourceFile != null) {
            row[width] = sourceFile;
        }
        return ok ? row : null;
    }
}
