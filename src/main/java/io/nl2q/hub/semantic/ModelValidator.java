package io.nl2q.hub.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what can be checked without a warehouse: names, references between tables, expressions over declared
 * columns, and that no phrase (name or synonym) means two elements, since the engine would have to guess between them.
 */
final class ModelValidator {
    private static final Set<String> CARDINALITIES = Set.of("many_to_one", "one_to_one");

    private ModelValidator() {
    }

    static List<String> problems(SemanticModel model) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> columns = new HashMap<>();
        Set<String> tableNames = new HashSet<>();
        for (ModelTable t : model.tables()) {
            if (!tableNames.add(t.name())) {
                problems.add("table " + t.name() + " is declared twice");
            }
            if (t.primaryKey().isEmpty()) {
                problems.add("table " + t.name() + ": missing required field 'primary_key'");
            }
            if (t.validFrom() != null && !t.primaryKey().contains(t.validFrom())) {
                problems.add("table " + t.name() + ": valid_from " + t.validFrom() + " is not a column of its primary key");
            }
            columns.put(t.name(), declaredColumns(t, model));
        }
        for (Relationship r : model.relationships()) {
            model.table(r.rightTable()).filter(t -> r.relationshipType().equals("many_to_one")
                    && !r.columns().stream().map(Relationship.ColumnPair::right).toList().containsAll(t.versionedKey()))
                    .ifPresent(t -> problems.add("relationship " + r.name() + " reaches " + t.name() + " on part of"
                            + " its key " + t.versionedKey() + ": it is not many to one (declare valid_from if the"
                            + " rest of the key dates versions)"));
        }
        for (Relationship r : model.relationships()) {
            checkRelationship(r, tableNames, columns, problems);
        }
        for (ModelTable t : model.tables()) {
            checkFields(t, columns.get(t.name()), problems);
        }
        checkPhrases(model, problems);
        return problems;
    }

    /** Columns a table is known to have: bare-column dimensions and facts, its key, its join columns. */
    private static Set<String> declaredColumns(ModelTable t, SemanticModel model) {
        Set<String> cols = new HashSet<>(t.primaryKey());
        t.fields().stream().filter(f -> f.kind() != Field.Kind.METRIC && f.kind() != Field.Kind.FILTER)
                .map(Field::expr).filter(e -> Expr.BARE_COLUMN.matcher(e).matches()).forEach(cols::add);
        for (Relationship r : model.relationships()) {
            r.columns().forEach(c -> {
                if (r.leftTable().equals(t.name())) {
                    cols.add(c.left());
                }
            });
        }
        return cols;
    }

    private static void checkRelationship(Relationship r, Set<String> tables, Map<String, Set<String>> columns,
                                          List<String> problems) {
        String where = "relationship " + r.name();
        for (String table : List.of(r.leftTable(), r.rightTable())) {
            if (!tables.contains(table)) {
                problems.add(where + ": unknown table '" + table + "'");
            }
        }
        if (!CARDINALITIES.contains(r.relationshipType())) {
            problems.add(where + ": relationship_type must be many_to_one or one_to_one, not '"
                    + r.relationshipType() + "'");
        }
        if (tables.contains(r.rightTable())) {
            r.columns().stream().map(Relationship.ColumnPair::right)
                    .filter(c -> !columns.get(r.rightTable()).contains(c))
                    .forEach(c -> problems.add(where + ": unknown column '" + c + "' in table " + r.rightTable()));
        }
    }

    private static void checkFields(ModelTable t, Set<String> columns, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (Field f : t.fields()) {
            if (!Expr.BARE_COLUMN.matcher(f.name()).matches()) {
                problems.add(f.qualifiedName() + ": a name is lower case letters, digits and underscores");
            }
            if (!names.add(f.name())) {
                problems.add(f.qualifiedName() + " is declared twice");
            }
            for (String c : Expr.columns(f.expr())) {
                if (!columns.contains(c)) {
                    problems.add(f.qualifiedName() + ": unknown column '" + c + "' in expr '" + f.expr() + "'");
                }
            }
            if (f.shareWithin() != null && t.field(f.shareWithin()).isEmpty()) {
                problems.add(f.qualifiedName() + ": share_within names unknown dimension '" + f.shareWithin() + "'");
            }
        }
    }

    private static void checkPhrases(SemanticModel model, List<String> problems) {
        Map<String, String> owner = new HashMap<>();
        for (ModelTable t : model.tables()) {
            claim(owner, "table " + t.name(), phrases(t.name(), t.synonyms()), problems);
            for (Field f : t.fields()) {
                claim(owner, f.qualifiedName(), phrases(f.spokenName(), f.synonyms()), problems);
                f.valueSynonyms().forEach((value, synonyms) ->
                        claim(owner, f.qualifiedName() + " value " + value, phrases(null, synonyms), problems));
            }
        }
    }

    private static Set<String> phrases(String name, List<String> synonyms) {
        Set<String> keys = new HashSet<>();
        if (name != null) {
            keys.add(Text.key(name));
        }
        synonyms.forEach(s -> keys.add(Text.key(s)));
        return keys;
    }

    private static void claim(Map<String, String> owner, String element, Set<String> keys, List<String> problems) {
        for (String key : keys) {
            String previous = owner.putIfAbsent(key, element);
            if (previous != null && !previous.equals(element)) {
                problems.add("duplicate synonym '" + key + "': both " + previous + " and " + element);
            }
        }
    }
}
