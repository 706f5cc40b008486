package io.nl2q.hub.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DuckDB's own reading of a statement, written for the tests apart from the guard's second opinion so that the
 * differential test does not trust the code it checks: the statements DuckDB parses, the tables they name
 * ({@code schema.table}, or a bare name), the CTE names they declare and every kind of table reference in them.
 */
final class EngineParse implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final PreparedStatement serialize;

    EngineParse() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        serialize = connection.prepareStatement("SELECT json_serialize_sql(CAST(? AS VARCHAR))");
    }

    record Reading(boolean error, String errorMessage, int statements, List<String> tables, Set<String> ctes,
                   Set<String> tableRefKinds, Set<String> functions) {
    }

    Reading read(String sql) throws Exception {
        serialize.setString(1, sql);
        JsonNode root;
        try (ResultSet rs = serialize.executeQuery()) {
            rs.next();
            root = JSON.readTree(rs.getString(1));
        }
        List<String> tables = new ArrayList<>();
        Set<String> ctes = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> functions = new HashSet<>();
        collect(root.path("statements"), tables, ctes, kinds, functions);
        return new Reading(root.path("error").asBoolean(true), root.path("error_message").asText(""),
                root.path("statements").size(), tables, ctes, kinds, functions);
    }

    private static void collect(JsonNode node, List<String> tables, Set<String> ctes, Set<String> kinds,
                                Set<String> functions) {
        if (node.isObject()) {
            for (JsonNode entry : node.path("cte_map").path("map")) {
                ctes.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
            String type = node.path("type").asText("");
            if (node.has("sample") && !node.has("modifiers") && !node.has("class")) {
                kinds.add(type);
            }
            if (type.equals("BASE_TABLE")) {
                String catalog = node.path("catalog_name").asText("");
                String schema = node.path("schema_name").asText("");
                String name = node.path("table_name").asText("");
                tables.add(String.join(".", List.of(catalog, schema, name).stream().filter(p -> !p.isEmpty())
                        .toList()).toLowerCase(Locale.ROOT));
            }
            if (node.path("class").asText().equals("FUNCTION")) {
                functions.add(node.path("function_name").asText().toLowerCase(Locale.ROOT));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, tables, ctes, kinds, functions));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
