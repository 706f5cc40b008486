package io.nl2q.hub.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The guard against the engine's own parser. Legit statements (the guard corpus and the gold SQL of the evaluation
 * set), hostile ones, and mutations of the legit ones (a quote, backslash, comment marker, dollar tag, escape-string
 * prefix or statement end inserted at every position) all go through the guard; whenever it accepts, DuckDB must read
 * what would run as exactly one SELECT over acme's tables and CTEs only, with no table function, the text must be
 * the rendering of the tree the guard checked, and running it must return nothing of globex.
 */
class DifferentialGuardTest {
    private static final List<String> INSERTS = List.of("'", "\"", "\\", "--", "/*", "*/", ";", "$$", "$t$", "E",
            "U&", "e'\\' , '", "//", "{fn ");
    private static final int MUTATED_EVERY = 91;
    private static final Set<String> TABLE_REFS = Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EXPRESSION_LIST",
            "EMPTY", "EMPTY_FROM", "PIVOT");
    private static Connection warehouse;
    private static EngineParse engine;
    private final SqlGuard guard = new SqlGuard();

    @BeforeAll
    static void open() throws SQLException {
        warehouse = DemoWarehouse.open();
        try (Statement s = warehouse.createStatement()) {
            s.execute("SET enable_external_access = false");
            s.execute("SET lock_configuration = true");
        }
        engine = new EngineParse();
    }

    @AfterAll
    static void close() throws SQLException {
        engine.close();
        warehouse.close();
    }

    @Test
    void whateverTheGuardAcceptsTheEngineReadsAsOneSelectOverAcmeOnly() throws Exception {
        List<String> legit = legit();
        List<String> hostile = SqlCorpus.load("/guard/hostile.sql").entries().stream().map(SqlCorpus.Entry::sql)
                .toList();
        List<String> mutations = mutations(legit);

        int legitAccepted = countAccepted(legit);
        int hostileAccepted = countAccepted(hostile);
        int mutationsAccepted = countAccepted(mutations);
        System.out.printf("differential guard test: legit %d (accepted %d), hostile %d (accepted %d), "
                + "mutations %d (accepted %d, refused %d)%n", legit.size(), legitAccepted, hostile.size(),
                hostileAccepted, mutations.size(), mutationsAccepted, mutations.size() - mutationsAccepted);

        assertThat(legitAccepted).as("legit statements the guard accepts").isEqualTo(legit.size());
        assertThat(hostileAccepted).as("hostile statements the guard accepts").isZero();
        assertThat(mutations).hasSizeGreaterThan(15_000);
        // mutations that keep a plain statement (a quote pair inside a literal, a trailing comment) must still pass
        assertThat(mutationsAccepted).isPositive();
    }

    /** Each accepted statement is checked on the spot; the count tells how many there were. */
    private int countAccepted(List<String> statements) throws Exception {
        int accepted = 0;
        for (String sql : statements) {
            GuardedSql guarded;
            try {
                guarded = guard.check(sql, Fixtures.ACME);
            } catch (SqlRejectedException refused) {
                continue;
            }
            accepted++;
            assertEngineReadsOneSelectOverAcme(sql, guarded.sql());
            assertThat(CCJSqlParserUtil.parse(guarded.sql()).toString()).as("rendered from the tree: %s", sql)
                    .isEqualTo(guarded.sql());
            assertNoGlobexInTheAnswer(sql, guarded.sql());
        }
        return accepted;
    }

    private static void assertEngineReadsOneSelectOverAcme(String input, String executed) throws Exception {
        EngineParse.Reading reading = engine.read(executed);
        assertThat(reading.error()).as("engine error %s for %s -> %s", reading.errorMessage(), input, executed)
                .isFalse();
        assertThat(reading.statements()).as("statements in %s -> %s", input, executed).isEqualTo(1);
        assertThat(TABLE_REFS).as("table references in %s -> %s", input, executed)
                .containsAll(reading.tableRefKinds());
        for (String table : reading.tables()) {
            boolean acme = table.startsWith("acme.") && Fixtures.TABLES.contains(table.substring(5));
            boolean cte = !table.contains(".") && reading.ctes().contains(table);
            assertThat(acme || cte).as("table %s in %s -> %s", table, input, executed).isTrue();
        }
        assertThat(reading.functions()).as("functions in %s", executed)
                .noneMatch(f -> f.startsWith("read_") || f.equals("glob") || f.startsWith("duckdb_")
                        || f.equals("getenv") || f.equals("query") || f.equals("query_table"));
    }

    private static void assertNoGlobexInTheAnswer(String input, String executed) {
        List<String> cells = new ArrayList<>();
        try (Statement s = warehouse.createStatement(); ResultSet rows = s.executeQuery(executed)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(rows.getObject(i)));
                }
            }
        } catch (SQLException e) {
            // a mutation may be a valid parse that does not run (a column that is now a string, say); what runs
            // is checked above and by the wall, and an error returns nothing
            return;
        }
        assertThat(cells).as("answer of %s", input).noneMatch(cell -> cell.contains(DemoWarehouse.GLOBEX_MARK)
                || cell.contains(DemoWarehouse.GLOBEX_NUMBER));
    }

    /** The guard corpus and the evaluation set's gold SQL, distinct. */
    @SuppressWarnings("unchecked")
    private static List<String> legit() throws Exception {
        Set<String> statements = new LinkedHashSet<>();
        SqlCorpus.load("/guard/legit.sql").entries().forEach(e -> statements.add(e.sql()));
        List<Map<String, Object>> questions = new Yaml().load(Files.readString(Path.of("eval/questions.yaml")));
        for (Map<String, Object> question : questions) {
            Object sql = question.get("sql");
            if (sql instanceof String text && !text.isBlank()) {
                statements.add(text.strip());
            }
        }
        return List.copyOf(statements);
    }

    /**
     * Every insert at every position of every {@value #MUTATED_EVERY}th legit statement (the corpus and the gold
     * SQL alternate in kind, so the sample spans both). Deterministic, so a failure names the same statement on
     * every run.
     */
    private static List<String> mutations(List<String> legit) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < legit.size(); n += MUTATED_EVERY) {
            String sql = legit.get(n);
            for (int i = 0; i <= sql.length(); i++) {
                for (String insert : INSERTS) {
                    out.add(sql.substring(0, i) + insert + sql.substring(i));
                }
            }
        }
        return out;
    }
}
