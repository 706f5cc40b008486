package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Optional;

/** A logical table of the semantic model over one physical table of each tenant's schema. */
record ModelTable(String name, List<String> synonyms, String description, String physicalTable,
                  List<String> primaryKey, List<Field> fields) {

    ModelTable {
        synonyms = List.copyOf(synonyms);
        primaryKey = List.copyOf(primaryKey);
        fields = List.copyOf(fields);
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

    Optional<Field> timeDimension() {
        return fields(Field.Kind.TIME_DIMENSION).stream().findFirst();
    }
}
