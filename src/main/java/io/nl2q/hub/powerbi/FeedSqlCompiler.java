package io.nl2q.hub.powerbi;

import io.nl2q.hub.warehouse.SqlDialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;

/**
 * Compiles a {@link FeedRequest} into one SELECT: quoted columns, the translated filter, a total order (the requested
 * one, then the key or every column, so pages never overlap or skip), and the page's LIMIT/OFFSET. The result still
 * goes through the guard like any other SQL.
 */
final class FeedSqlCompiler {
    private final SqlDialect dialect;

    FeedSqlCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The columns a page reads: the selected ones plus the key (for paging and entity ids). */
    List<FeedColumn> columnsRead(FeedRequest r) {
        var cols = new LinkedHashSet<FeedColumn>(r.selected());
        r.set().columns().stream().filter(c -> r.set().keys().contains(c.sqlLabel())).forEach(cols::add);
        return List.copyOf(cols);
    }

    /** A page of at most {@code limit} rows. */
    String page(FeedRequest r, long limit) throws ODataApplicationException {
        FeedSet set = r.set();
        var where = new ArrayList<String>();
        if (r.filter() != null) {
            where.add(r.filter());
        }
        long offset;
        if (r.keyset() && !r.token().lastKey().isEmpty()) {
            where.add(after(set, r.token().lastKey()));
            offset = 0;
        } else {
            offset = r.skip() + (r.keyset() ? 0 : r.token().delivered());
        }
        var select = new StringBuilder(prefix(set)).append("SELECT ");
        select.append(String.join(", ", columnsRead(r).stream().map(c -> column(set, c)).toList()));
        select.append(" FROM ").append(from(set));
        if (!where.isEmpty()) {
            select.append(" WHERE ").append(String.join(" AND ", where));
        }
        select.append(" ORDER BY ").append(String.join(", ", order(r)));
        return select + (dialect.rowLimitStyle() == SqlDialect.RowLimitStyle.LIMIT
                ? " LIMIT " + limit + " OFFSET " + offset
                : " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY");
    }

    String count(FeedRequest r) {
        return prefix(r.set()) + "SELECT COUNT(*) AS n FROM " + from(r.set())
                + (r.filter() == null ? "" : " WHERE " + r.filter());
    }

    private List<String> order(FeedRequest r) {
        var items = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        for (FeedRequest.Order o : r.orderBy()) {
            if (seen.add(o.column().sqlLabel())) {
                items.add(column(r.set(), o.column()) + (o.descending() ? " DESC" : " ASC"));
            }
        }
        List<FeedColumn> tieBreak = r.set().keys().isEmpty() ? r.set().columns()
                : r.set().columns().stream().filter(c -> r.set().keys().contains(c.sqlLabel())).toList();
        for (FeedColumn c : tieBreak) {
            if (seen.add(c.sqlLabel())) {
                items.add(column(r.set(), c) + " ASC");
            }
        }
        if (items.isEmpty()) {
            items.add("1");
        }
        return items;
    }

    /** (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ...: rows after the last one delivered, in key order. */
    private String after(FeedSet set, List<String> lastKey) throws ODataApplicationException {
        List<FeedColumn> keys = set.columns().stream().filter(c -> set.keys().contains(c.sqlLabel())).toList();
        if (keys.size() != lastKey.size()) {
            throw badToken();
        }
        var alternatives = new ArrayList<String>();
        for (int i = 0; i < keys.size(); i++) {
            var terms = new ArrayList<String>();
            for (int j = 0; j < i; j++) {
                terms.add(column(set, keys.get(j)) + " = " + literal(keys.get(j), lastKey.get(j)));
            }
            terms.add(column(set, keys.get(i)) + " > " + literal(keys.get(i), lastKey.get(i)));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** A key value from a page token, re-rendered from its column's type. */
    private String literal(FeedColumn column, String value) throws ODataApplicationException {
        try {
            return literalOf(column, value);
        } catch (RuntimeException e) {
            throw badToken();
        }
    }

    /**
     * A value of a column (from a page token, or a key of the URL after Olingo checked it) re-rendered as a SQL
     * literal of the column's type; a value that does not parse as that type throws.
     */
    String literalOf(FeedColumn column, String value) {
        EdmPrimitiveTypeKind type = column.type();
        return switch (type) {
            case Int16, Int32, Int64, Byte, SByte -> Long.toString(Long.parseLong(value));
            case Decimal, Double, Single -> new BigDecimal(value).toPlainString();
            case Date -> dialect.dateLiteral(LocalDate.parse(value));
            case Boolean -> Boolean.parseBoolean(value) ? "TRUE" : "FALSE";
            default -> SqlNames.string(value);
        };
    }

    /** {@code column = literal} for each key value: the condition of a read by key. */
    String keyCondition(FeedSet set, java.util.Map<FeedColumn, String> key) {
        var terms = new ArrayList<String>();
        key.forEach((column, value) -> terms.add(column(set, column) + " = " + literalOf(column, value)));
        return "(" + String.join(" AND ", terms) + ")";
    }

    private String prefix(FeedSet set) {
        return set.kind() == FeedSet.Kind.SAVED_QUESTION
                ? "WITH " + FeedCatalog.SAVED_CTE + " AS (" + set.source() + ") " : "";
    }

    private String from(FeedSet set) {
        return set.kind() == FeedSet.Kind.SAVED_QUESTION ? FeedCatalog.SAVED_CTE
                : SqlNames.table(set.source(), dialect);
    }

    private String column(FeedSet set, FeedColumn c) {
        return FilterSql.column(set, c, dialect);
    }

    static ODataApplicationException badToken() {
        return new ODataApplicationException("the $skiptoken is not one this feed issued",
                HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
    }
}
