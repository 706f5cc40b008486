package io.nl2q.hub.powerbi;

import io.nl2q.hub.warehouse.SqlDialect;
import java.util.Locale;

/** Quoted names for SQL the feed and the push build; never a name pasted as written in a request. */
final class SqlNames {
    private SqlNames() {
    }

    /** A table or column created unquoted, quoted in the form the engine stored it (lower, upper or as written). */
    static String table(String lowerName, SqlDialect dialect) {
        return dialect.quoteIdentifier(stored(lowerName, dialect));
    }

    static String stored(String lowerName, SqlDialect dialect) {
        return switch (dialect.identifierCase()) {
            case UPPER -> lowerName.toUpperCase(Locale.ROOT);
            case LOWER -> lowerName.toLowerCase(Locale.ROOT);
            case AS_IS -> lowerName;
        };
    }

    /** A string literal, quotes doubled (standard SQL, the same on every supported engine). */
    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
