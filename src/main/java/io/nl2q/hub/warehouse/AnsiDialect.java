package io.nl2q.hub.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Standard SQL with safe defaults: double-quoted identifiers, FETCH FIRST, {@code DATE 'yyyy-MM-dd'} literals, a
 * read-only transaction around every answering query. Engines override only what differs.
 */
public abstract class AnsiDialect implements SqlDialect {

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.UPPER;
    }

    @Override
    public RowLimitStyle rowLimitStyle() {
        return RowLimitStyle.FETCH_FIRST;
    }

    /** Weeks start on Monday (ISO 8601) on every engine; see each dialect for how it gets there. */
    @Override
    public String dateTrunc(TimeGrain grain, String dateExpression) {
        return "CAST(DATE_TRUNC('" + grain.name().toLowerCase(Locale.ROOT) + "', " + dateExpression + ") AS DATE)";
    }

    @Override
    public String dateLiteral(LocalDate date) {
        return "DATE '" + date + "'";
    }

    @Override
    public List<String> readOnlySessionSetup(String tenantSchema) {
        return List.of("START TRANSACTION READ ONLY", "SET SCHEMA " + quoteIdentifier(tenantSchema));
    }

    @Override
    public List<String> readOnlySessionTeardown() {
        return List.of("ROLLBACK");
    }

    @Override
    public Set<String> deniedFunctions() {
        return Set.of();
    }

    @Override
    public Set<String> systemSchemas() {
        return Set.of("information_schema");
    }

    /** {@code base} plus {@code more}, immutable; for dialects that extend the default lists. */
    static Set<String> union(Set<String> base, String... more) {
        var all = new java.util.TreeSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
