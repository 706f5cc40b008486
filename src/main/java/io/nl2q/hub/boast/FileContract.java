package io.nl2q.hub.boast;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a partner file of one kind must look like and where its rows go: read from {@code connectors/boast/*.yaml}.
 * A file column maps to the target column of the same name, or, with a lookup, to the lookup's {@code into}
 * column holding the value found for it in a reference table of the tenant.
 */
public record FileContract(String name, @JsonProperty("file-pattern") Pattern filePattern,
                           @JsonProperty("target-table") String targetTable,
                           @JsonProperty("source-file-column") String sourceFileColumn, List<String> keys,
                           List<Column> columns) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public FileContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filePattern, "file-pattern of " + name);
        identifier(targetTable, "target-table of " + name);
        if (sourceFileColumn != null) {
            identifier(sourceFileColumn, "source-file-column of " + name);
        }
        columns = List.copyOf(Objects.requireNonNull(columns, "columns of " + name));
        keys = keys == null ? List.of() : List.copyOf(keys);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("contract " + name + " has no columns");
        }
        var seen = new HashSet<String>();
        columns.forEach(c -> {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("contract " + name + " repeats column " + c.name());
            }
        });
        List<String> targets = targetColumnsOf(columns, sourceFileColumn);
        keys.forEach(k -> {
            if (!targets.contains(k)) {
                throw new IllegalArgumentException("key " + k + " of contract " + name + " is not a target column");
            }
        });
    }

    public boolean matches(String fileName) {
        return filePattern.matcher(fileName).matches();
    }

    /** The header a file must have: the contract's column names, in any order, each once. */
    public Set<String> header() {
        return Set.copyOf(columns.stream().map(Column::name).toList());
    }

    /** The target table's columns in load order: one per file column, then the source file column. */
    public List<String> targetColumns() {
        return targetColumnsOf(columns, sourceFileColumn);
    }

    private static List<String> targetColumnsOf(List<Column> columns, String sourceFileColumn) {
        var names = new ArrayList<String>();
        columns.forEach(c -> names.add(c.targetColumn()));
        if (sourceFileColumn != null) {
            names.add(sourceFileColumn);
        }
        return List.copyOf(names);
    }

    static String identifier(String value, String what) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + IDENTIFIER + ": " + value);
        }
        return value;
    }

    /** A file column: its type, whether it must have a value, its allowed values or pattern, its lookup. */
    public record Column(String name, ColumnType type, boolean required, Pattern pattern, List<String> allowed,
                         @JsonProperty("max-length") Integer maxLength, Lookup lookup) {
        public Column {
            identifier(name, "column name");
            type = type == null ? ColumnType.STRING : type;
            allowed = allowed == null ? List.of() : List.copyOf(allowed);
            if (lookup != null && type != ColumnType.STRING) {
                throw new IllegalArgumentException("column " + name + ": lookups match string columns only");
            }
        }

        public String targetColumn() {
            return lookup == null ? name : lookup.into();
        }
    }

    /** Replaces a file value by the {@code value} column of the tenant's {@code table} row whose {@code match} equals it. */
    public record Lookup(String table, String match, String value, String into,
                         @JsonProperty("ignore-case") boolean ignoreCase) {
        public Lookup {
            identifier(table, "lookup table");
            identifier(match, "lookup match column");
            identifier(value, "lookup value column");
            identifier(into, "lookup target column");
        }

        String normalize(String raw) {
            String trimmed = raw.trim();
            return ignoreCase ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
        }
    }
}
