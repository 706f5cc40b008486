package io.nl2q.hub.guard;

import java.sql.SQLException;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * The PostgreSQL driver's own reading of a statement: how many statements it would send. The driver splits text at
 * the semicolons it sees (it understands dollar quotes, escape strings and nested comments) and sends each with the
 * extended protocol, whose Parse message the server refuses when it holds more than one command; asking the
 * driver's splitter closes the gap in between.
 */
final class PostgresStatementCount {
    private PostgresStatementCount() {
    }

    static void requireOne(String rendered) {
        java.util.List<NativeQuery> queries;
        try {
            queries = Parser.parseJdbcSql(rendered, true, false, true, false, false);
        } catch (SQLException e) {
            throw new SqlRejectedException("the statement cannot be read by the PostgreSQL driver");
        }
        long statements = queries.stream().filter(q -> !q.nativeSql.isBlank()).count();
        if (statements != 1) {
            throw new SqlRejectedException("only one SELECT statement is allowed; the PostgreSQL driver reads "
                    + statements + " statements");
        }
    }
}
