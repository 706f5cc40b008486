package io.nl2q.hub.guard;

import io.nl2q.hub.warehouse.SqlDialect;
import io.nl2q.hub.warehouse.SqlDialect.IdentifierCase;
import io.nl2q.hub.warehouse.SqlDialect.RowLimitStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Minimal stand-ins for the real dialects, which are written elsewhere: only what the guard reads differs. */
final class TestDialects {
    static final SqlDialect DUCKDB = new Fake("duckdb", RowLimitStyle.LIMIT, IdentifierCase.LOWER, '"', '"',
            Set.of("duckdb_only_fn"), Set.of("information_schema", "pg_catalog"));
    static final SqlDialect SQLSERVER = new Fake("sqlserver", RowLimitStyle.TOP, IdentifierCase.AS_IS, '[', ']',
            Set.of(), Set.of("sys", "information_schema"));
    static final SqlDialect FETCH_FIRST = new Fake("ansi", RowLimitStyle.FETCH_FIRST, IdentifierCase.UPPER, '"', '"',
            Set.of(), Set.of("information_schema"));

    private TestDialects() {
    }

    private record Fake(String id, RowLimitStyle rowLimitStyle, IdentifierCase identifierCase, char open, char close,
                        Set<String> deniedFunctions, Set<String> systemSchemas) implements SqlDialect {
        @Override
        public String quoteIdentifier(String identifier) {
            String escaped = identifier.replace(String.valueOf(close), "" + close + close);
            return open + escaped + close;
        }

        @Override
        public boolean bracketQuotedIdentifiers() {
            return open == '[';
        }

        /** The DuckDB stand-in is checked by DuckDB's parser, as the real dialect is. */
        @Override
        public EngineCheck engineCheck() {
            return id.equals("duckdb") ? EngineCheck.DUCKDB_PARSER : EngineCheck.NONE;
        }

        @Override
        public String dateTrunc(TimeGrain grain, String dateExpression) {
            return "date_trunc('" + grain.name().toLowerCase() + "', " + dateExpression + ")";
        }

        @Override
        public String dateLiteral(LocalDate date) {
            return "DATE '" + date + "'";
        }

        @Override
        public List<String> readOnlySessionSetup(String tenantSchema) {
            return List.of();
        }

        @Override
        public List<String> readOnlySessionTeardown() {
            return List.of();
        }
    }
}
