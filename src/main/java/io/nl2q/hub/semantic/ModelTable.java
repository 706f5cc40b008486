package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Optional;

/**
 * A logical table of the semantic model over one physical table of each tenant's schema. {@code validFrom} (an
 * extension of the Cortex format, null when absent) names the key column that dates versions of a row: only the
 * latest version of each key is read, so a partner file re-issued with a new effective date never counts twice.
 */
record ModelTable(String name, List<String> synonyms, String description, String physicalTable,
                  List<String> primaryKey, List<Field> fields, String validFrom) {

    ModelTable {
        synonyms = List.copyOf(synonyms);
        primaryKey = List.copyOf(primaryKey);
        fields = List.copyOf(fields);
    }

    /** The key columns that name a row whatever its version. */
    List<String> versionedKey() {
        return primaryKey.stream().filter(c -> !c.equals(validFrom)).toList();
    }

    List<Field> fields(Field.Kind kind) {
        return fields.stream().filter(f -> f.kind() == kind).toList();
    }

    Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** Tables with metrics hold events (facts); the others describe entities. */
    boolean isFact() {
        return !fields(Field.Kind.METRIC).isEmpty();
    }

    /** By convention the first dimension names a row of the table in answers (full name, product name, ...). */
    Optional<Field> label() {
        return fields(Field.Kind.DIMENSION).stream().findFirst();
    }

    /** The measure that counts the table's rows (calls), when it has one: its rows are events. */
    Optional<Field> rowCount() {
        return fields(Field.Kind.METRIC).stream().filter(f -> f.counts(true)).findFirst();
    }

    Optional<Field> timeDimension() {
        return fields(Field.Kind.TIME_DIMENSION).stream().findFirst();
    }
}
