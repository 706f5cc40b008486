package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One named element of a logical table: a dimension, time dimension, fact, metric or filter.
 *
 * @param expr          SQL over the columns of its own table (unqualified)
 * @param valueSynonyms canonical value to other names analysts use for it (model extension)
 * @param shareWithin   the dimension whose members are the denominator of a share of this one (model extension)
 * @param dataGrain     on a time dimension: the period each value already stands for ("week": every value ends one
 *                      week), so a series of that grain is labelled by the value itself (model extension)
 * @param matchWords    on a dimension: a leading word of its values names every value it begins ("diclofenac" for
 *                      diclofenac epolamine and diclofenac sodium) (model extension)
 * @param ownValues     on a dimension: the values that are the model owner's own side ("IBSA"); a question about
 *                      another value's own activity ("AbbVie reps") is refused, the data hold none (model extension)
 */
record Field(Kind kind, String table, String name, List<String> synonyms, String description, String expr,
             String dataType, List<String> sampleValues, boolean isEnum, Map<String, List<String>> valueSynonyms,
             String shareWithin, String dataGrain, boolean matchWords, List<String> ownValues) {

    enum Kind { DIMENSION, TIME_DIMENSION, FACT, METRIC, FILTER }

    Field {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
        synonyms = List.copyOf(synonyms);
        description = description == null ? "" : description;
        sampleValues = List.copyOf(sampleValues);
        valueSynonyms = Map.copyOf(valueSynonyms);
        ownValues = ownValues == null ? List.of() : List.copyOf(ownValues);
    }

    Field(Kind kind, String table, String name, List<String> synonyms, String description, String expr,
          String dataType, List<String> sampleValues, boolean isEnum, Map<String, List<String>> valueSynonyms,
          String shareWithin, String dataGrain) {
        this(kind, table, name, synonyms, description, expr, dataType, sampleValues, isEnum, valueSynonyms,
                shareWithin, dataGrain, false, List.of());
    }

    /** Where the element is declared, for messages: {@code table.name}. */
    String qualifiedName() {
        return table + "." + name;
    }

    /** Name with underscores as spaces: how a question names it. */
    String spokenName() {
        return name.replace('_', ' ');
    }

    boolean isNumeric() {
        return dataType != null && dataType.toLowerCase(java.util.Locale.ROOT).matches("number|numeric|int.*|decimal.*|float|double|bigint");
    }

    /** A measure that counts (COUNT(...)); {@code rows} only when it counts rows, not distinct values. */
    boolean counts(boolean rows) {
        String e = expr == null ? "" : expr.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return e.startsWith("COUNT(") && !(rows && e.startsWith("COUNT(DISTINCT"));
    }
}
