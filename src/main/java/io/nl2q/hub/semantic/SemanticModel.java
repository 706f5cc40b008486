package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Optional;

/** A validated semantic model: logical tables, declared joins, verified questions. Immutable. */
record SemanticModel(String name, String description, List<ModelTable> tables, List<Relationship> relationships,
                     List<VerifiedQuery> verifiedQueries, String customInstructions) {

    SemanticModel {
        tables = List.copyOf(tables);
        relationships = List.copyOf(relationships);
        verifiedQueries = List.copyOf(verifiedQueries);
    }

    Optional<ModelTable> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    ModelTable tableOf(Field field) {
        return table(field.table()).orElseThrow();
    }

    List<Field> allFields() {
        return tables.stream().flatMap(t -> t.fields().stream()).toList();
    }

    /** The measure a ranking or a share uses when the question names none: the first metric declared. */
    Field defaultMetric() {
        return allFields().stream().filter(f -> f.kind() == Field.Kind.METRIC).findFirst().orElseThrow();
    }

    /** The time dimension whose latest value is the data's as-of date: the first fact table's. */
    Optional<Field> asOfDimension() {
        return tables.stream().filter(ModelTable::isFact).flatMap(t -> t.timeDimension().stream()).findFirst();
    }

    Optional<Field> field(String table, String fieldName) {
        return table(table).flatMap(t -> t.field(fieldName));
    }
}
