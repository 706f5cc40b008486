package io.nl2q.hub.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a Cortex-Analyst-format semantic model into records and validates it, so a broken model fails at start with
 * every problem named rather than at the first question that touches it.
 */
public final class ModelLoader {
    private final List<String> problems = new ArrayList<>();

    private ModelLoader() {
    }

    static SemanticModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new ModelException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    static SemanticModel load(InputStream in, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (RuntimeException e) {
            throw new ModelException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        ModelLoader loader = new ModelLoader();
        SemanticModel model = loader.model(new Node(root, "model", loader.problems));
        if (loader.problems.isEmpty()) {
            loader.problems.addAll(ModelValidator.problems(model));
        }
        if (!loader.problems.isEmpty()) {
            throw new ModelException(source, loader.problems);
        }
        return model;
    }

    private SemanticModel model(Node root) {
        List<ModelTable> tables = root.list("tables", true).stream().map(this::table).toList();
        List<Relationship> joins = root.list("relationships", false).stream().map(this::relationship).toList();
        List<VerifiedQuery> verified = root.list("verified_queries", false).stream()
                .map(v -> new VerifiedQuery(v.text("name", true), v.text("question", true), v.text("sql", true),
                        v.number("verified_at"), v.text("verified_by", false)))
                .toList();
        return new SemanticModel(root.text("name", true), root.text("description", false), tables, joins, verified,
                root.text("custom_instructions", false));
    }

    private ModelTable table(Node t) {
        String name = t.text("name", true);
        Node base = t.child("base_table");
        String physical = base == null ? name : base.text("table", true);
        List<String> key = t.child("primary_key") == null ? List.of() : t.child("primary_key").texts("columns");
        List<Field> fields = new ArrayList<>();
        for (Field.Kind kind : Field.Kind.values()) {
            String section = kind.name().toLowerCase(java.util.Locale.ROOT) + "s";
            t.list(section, false).forEach(f -> fields.add(field(kind, name, f)));
        }
        return new ModelTable(name, t.texts("synonyms"), t.text("description", false), physical, key, fields,
                t.text("valid_from", false));
    }

    private Field field(Field.Kind kind, String table, Node f) {
        Map<String, List<String>> valueSynonyms = new LinkedHashMap<>();
        Node values = f.child("value_synonyms");
        if (values != null) {
            values.keys().forEach(k -> valueSynonyms.put(k, values.texts(k)));
        }
        String name = f.text("name", true);
        return new Field(kind, table, name, f.texts("synonyms"), f.text("description", false),
                f.text("expr", true), f.text("data_type", kind != Field.Kind.FILTER), f.texts("sample_values"),
                f.bool("is_enum"), valueSynonyms, f.text("share_within", false),
                f.text("data_grain", false), f.bool("match_words"), f.texts("own_values"));
    }

    private Relationship relationship(Node r) {
        List<Relationship.ColumnPair> columns = r.list("relationship_columns", true).stream()
                .map(c -> new Relationship.ColumnPair(c.text("left_column", true), c.text("right_column", true)))
                .toList();
        return new Relationship(r.text("name", true), r.text("left_table", true), r.text("right_table", true),
                columns, r.text("join_type", false), r.text("relationship_type", true));
    }
}
