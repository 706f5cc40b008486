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
 * one, then the key or every column, so pages never overlap or skip), and the page's LIMIT/OFFSET. Values from the
 * URL and the page token are bound to placeholders. The result still goes through the guard like any other SQL.
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
    FeedSql page(FeedRequest r, long limit) throws ODataApplicationException {
        FeedSet set = r.set();
        var where = new ArrayList<FeedSql>();
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
        String select = prefix(set) + "SELECT "
                + String.join(", ", columnsRead(r).stream().map(c -> column(set, c)).toList()) + " FROM " + from(set);
        // limit and offset are numbers the hub computed, not values of the URL
        String rest = " ORDER BY " + String.join(", ", order(r)) + (dialect.rowLimitStyle() == SqlDialect.RowLimitStyle.LIMIT
                ? " LIMIT " + limit + " OFFSET " + offset
                : " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY");
        return where.isEmpty() ? FeedSql.text(select + rest)
                : FeedSql.concat(select, " WHERE ", FeedSql.join(" AND ", where), rest);
    }

    FeedSql count(FeedRequest r) {
        String select = prefix(r.set()) + "SELECT COUNT(*) AS n FROM " + from(r.set());
        return r.filter() == null ? FeedSql.text(select) : FeedSql.concat(select, " WHERE ", r.filter());
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
    private FeedSql after(FeedSet set, List<String> lastKey) throws ODataApplicationException {
        List<FeedColumn> keys = set.columns().stream().filter(c -> set.keys().contains(c.sqlLabel())).toList();
        if (keys.size() != lastKey.size()) {
            throw badToken();
        }
        var alternatives = new ArrayList<FeedSql>();
        for (int i = 0; i < keys.size(); i++) {
            var terms = new ArrayList<FeedSql>();
            for (int j = 0; j < i; j++) {
                terms.add(FeedSql.concat(column(set, keys.get(j)) + " = ", value(keys.get(j), lastKey.get(j))));
            }
            terms.add(FeedSql.concat(column(set, keys.get(i)) + " > ", value(keys.get(i), lastKey.get(i))));
            alternatives.add(FeedSql.concat("(", FeedSql.join(" AND ", terms), ")"));
        }
        return FeedSql.concat("(", FeedSql.join(" OR ", alternatives), ")");
    }

    /** A key value from a page token, bound as its column's type. */
    private FeedSql value(FeedColumn column, String value) throws ODataApplicationException {
        try {
            return valueOf(column, value);
        } catch (RuntimeException e) {
            throw badToken();
        }
    }

    /**
     * A value of a column (from a page token, or a key of the URL after Olingo checked it) as a placeholder bound to
     * the value parsed as the column's type; a value that does not parse as that type throws.
     */
    FeedSql valueOf(FeedColumn column, String value) {
        EdmPrimitiveTypeKind type = column.type();
        return switch (type) {
            case Int16, Int32, Int64, Byte, SByte -> FeedSql.value(Long.parseLong(value));
            case Decimal, Double, Single -> FeedSql.value(FilterSql.number(new BigDecimal(value)));
            case Date -> FeedSql.value(dialect.dateValue(LocalDate.parse(value)));
            case Boolean -> FeedSql.text(Boolean.parseBoolean(value) ? "TRUE" : "FALSE");
            default -> FeedSql.value(value);
        };
    }

    /** {@code column = ?} for each key value: the condition of a read by key. */
    FeedSql keyCondition(FeedSet set, java.util.Map<FeedColumn, String> key) {
        var terms = new ArrayList<FeedSql>();
        key.forEach((column, value) -> terms.add(FeedSql.concat(column(set, column) + " = ", valueOf(column, value))));
        return FeedSql.concat("(", FeedSql.join(" AND ", terms), ")");
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
