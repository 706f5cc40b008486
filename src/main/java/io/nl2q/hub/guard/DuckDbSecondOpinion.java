package io.nl2q.hub.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's own parser as a second opinion on the statement the guard rendered: {@code json_serialize_sql} on an
 * in-memory database (locked down, it holds no data) must read exactly one SELECT, without error, whose every table
 * is the tenant's (qualified with the schema the guard wrote) or a CTE of the statement, with no table function,
 * no other kind of table reference and no denied function. Whatever JSqlParser misread, DuckDB reads it as it will
 * run it, so a disagreement is refused here. Thread-safe: each check borrows a parser connection of its own.
 */
final class DuckDbSecondOpinion {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TABLE_REFS = Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EXPRESSION_LIST",
            "EMPTY", "EMPTY_FROM", "PIVOT");
    private static final int IDLE_PARSERS = 8;

    private final DuckDBConnection root;
    private final BlockingQueue<Parser> idle = new ArrayBlockingQueue<>(IDLE_PARSERS);

    private record Parser(Connection connection, PreparedStatement serialize) {
    }

    private DuckDbSecondOpinion() throws SQLException {
        root = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        try (Statement s = root.createStatement()) {
            s.execute("SET enable_external_access = false");
            // a parse needs no worker threads; with one, each check runs wholly on the caller's thread
            s.execute("SET threads = 1");
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET lock_configuration = true");
        }
    }

    private static final class Holder {
        private static final DuckDbSecondOpinion SHARED = open();

        private static DuckDbSecondOpinion open() {
            try {
                return new DuckDbSecondOpinion();
            } catch (SQLException | RuntimeException | LinkageError e) {
                return null;
            }
        }
    }

    /** The hub-wide instance; the guard fails closed for DuckDB tenants when DuckDB cannot be opened. */
    static DuckDbSecondOpinion shared() {
        DuckDbSecondOpinion shared = Holder.SHARED;
        if (shared == null) {
            throw new SqlRejectedException("the statement cannot be checked by the engine's parser right now");
        }
        return shared;
    }

    /**
     * @param schema     the schema the guard qualified tenant tables with
     * @param tablesRead the tenant tables the guard bound
     */
    void check(String rendered, String schema, Set<String> tablesRead, FunctionPolicy functions) {
        JsonNode parsed = serialize(rendered);
        if (parsed.path("error").asBoolean(true)) {
            throw new SqlRejectedException("the engine does not read this as one SELECT statement: "
                    + parsed.path("error_message").asText("unknown reason"));
        }
        JsonNode statements = parsed.path("statements");
        if (statements.size() != 1) {
            throw new SqlRejectedException("only one SELECT statement is allowed; the engine reads "
                    + statements.size() + " statements");
        }
        Set<String> ctes = new HashSet<>();
        collectCteNames(statements, ctes);
        new Walk(schema.toLowerCase(Locale.ROOT), tablesRead, ctes, functions).visit(statements.get(0));
    }

    /** The engine's own parse of {@code sql}, as DuckDB's JSON; used by the guard and by tests. */
    JsonNode serialize(String sql) {
        Parser parser = borrow();
        boolean healthy = false;
        try {
            parser.serialize().setString(1, sql);
            try (ResultSet rs = parser.serialize().executeQuery()) {
                rs.next();
                JsonNode node = JSON.readTree(rs.getString(1));
                healthy = true;
                return node;
            }
        } catch (SQLException | java.io.IOException e) {
            throw new SqlRejectedException("the statement cannot be checked by the engine's parser");
        } finally {
            giveBack(parser, healthy);
        }
    }

    private Parser borrow() {
        Parser parser = idle.poll();
        if (parser != null) {
            return parser;
        }
        try {
            Connection connection = root.duplicate();
            return new Parser(connection, connection.prepareStatement("SELECT json_serialize_sql(CAST(? AS VARCHAR))"));
        } catch (SQLException e) {
            throw new SqlRejectedException("the statement cannot be checked by the engine's parser right now");
        }
    }

    private void giveBack(Parser parser, boolean healthy) {
        if (healthy && idle.offer(parser)) {
            return;
        }
        try {
            parser.connection().close();
        } catch (SQLException ignored) {
            // a parser connection holds no data; nothing to recover
        }
    }

    private static void collectCteNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode map = node.path("cte_map").path("map");
            for (JsonNode entry : map) {
                names.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectCteNames(child, names));
        }
    }

    private record Walk(String schema, Set<String> tablesRead, Set<String> ctes, FunctionPolicy functions) {
        void visit(JsonNode node) {
            if (node.isArray()) {
                node.forEach(this::visit);
                return;
            }
            if (!node.isObject()) {
                return;
            }
            String type = node.path("type").asText("");
            boolean tableRef = node.has("sample") && !node.has("modifiers") && !node.has("class");
            if (tableRef && !TABLE_REFS.contains(type)) {
                throw new SqlRejectedException("the engine reads a " + type.toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " in this statement; only tables of your tenant are allowed");
            }
            if (tableRef && type.equals("BASE_TABLE")) {
                checkTable(node);
            }
            if ("FUNCTION".equals(node.path("class").asText()) && !node.path("is_operator").asBoolean(false)) {
                checkFunction(node);
            }
            node.forEach(this::visit);
        }

        private void checkTable(JsonNode table) {
            String catalog = table.path("catalog_name").asText("");
            String tableSchema = table.path("schema_name").asText("").toLowerCase(Locale.ROOT);
            String name = table.path("table_name").asText("").toLowerCase(Locale.ROOT);
            boolean cte = catalog.isEmpty() && tableSchema.isEmpty() && ctes.contains(name);
            boolean tenant = catalog.isEmpty() && tableSchema.equals(schema) && tablesRead.contains(name);
            if (!cte && !tenant) {
                String written = String.join(".", List.of(catalog, tableSchema, name).stream()
                        .filter(part -> !part.isEmpty()).toList());
                throw new SqlRejectedException("the engine reads table " + written
                        + ", which is not a table of your tenant");
            }
        }

        private void checkFunction(JsonNode function) {
            // DuckDB writes its own rewrites (EXTRACT, TRIM, SUBSTRING) as system.main functions
            String fnSchema = function.path("schema").asText("");
            String fnCatalog = function.path("catalog").asText("");
            if (!(fnSchema.isEmpty() || fnSchema.equals("main")) || !(fnCatalog.isEmpty() || fnCatalog.equals("system"))) {
                throw new SqlRejectedException("the engine reads a function qualified with a schema: "
                        + function.path("function_name").asText());
            }
            functions.check(List.of(function.path("function_name").asText()));
        }
    }
}
