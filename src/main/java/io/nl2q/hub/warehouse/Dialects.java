package io.nl2q.hub.warehouse;

import java.util.List;
import java.util.Locale;

/** The dialect of a configured warehouse, by its id (duckdb, postgresql, snowflake, sqlserver, sqlite). */
public final class Dialects {
    private static final List<SqlDialect> ALL = List.of(new DuckDbDialect(), new PostgresDialect(),
            new SnowflakeDialect(), new SqlServerDialect(), new SqliteDialect());

    private Dialects() {
    }

    /**
     * A missing id means the embedded default, duckdb; {@code postgres} is accepted for postgresql.
     *
     * @throws IllegalArgumentException for an id no dialect has
     */
    public static SqlDialect byId(String id) {
        String wanted = id == null ? "duckdb" : id.trim().toLowerCase(Locale.ROOT);
        String normalized = wanted.equals("postgres") ? "postgresql" : wanted;
        return ALL.stream().filter(d -> d.id().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown warehouse dialect: " + id));
    }

    public static List<SqlDialect> all() {
        return ALL;
    }
}
