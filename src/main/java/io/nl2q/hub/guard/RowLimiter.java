package io.nl2q.hub.guard;

import io.nl2q.hub.warehouse.SqlDialect.RowLimitStyle;
import java.util.List;
import java.util.OptionalLong;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Top;

/**
 * Caps the rows of the outermost query: injects {@code maxRows} when there is no limit, clamps a larger one, keeps a
 * smaller one. A limit that is not an integer literal is refused rather than evaluated (LIMIT ALL / NULL mean "no
 * limit" and are replaced), because only a literal can be compared with the cap before the query runs.
 */
final class RowLimiter {
    static final String WRAPPER_ALIAS = "guarded_rows";

    private RowLimiter() {
    }

    record Limited(Select select, int rowLimit) {
    }

    static Limited apply(Select select, int maxRows, RowLimitStyle style) {
        if (select instanceof SetOperationList setOperation) {
            hoistTrailingClauses(setOperation);
        }
        OptionalLong existing = existingLimit(select);
        int limit = existing.isPresent() ? (int) Math.min(existing.getAsLong(), maxRows) : maxRows;
        Expression offset = detachOffset(select);
        select.setLimit(null);
        select.setFetch(null);
        if (select instanceof PlainSelect plain) {
            plain.setTop(null);
        }
        RowLimitStyle effective = style == RowLimitStyle.TOP && offset != null ? RowLimitStyle.FETCH_FIRST : style;
        Select target = effective == RowLimitStyle.TOP && !(select instanceof PlainSelect) ? wrap(select) : select;
        switch (effective) {
            case LIMIT -> {
                target.setLimit(new Limit().withRowCount(new LongValue(limit)));
                if (offset != null) {
                    target.setOffset(new Offset().withOffset(offset));
                }
            }
            case FETCH_FIRST -> {
                Fetch fetch = new Fetch().withExpression(new LongValue(limit));
                fetch.setFetchParamFirst(true);
                fetch.addFetchParameter("ROWS");
                fetch.addFetchParameter("ONLY");
                target.setFetch(fetch);
                if (offset != null) {
                    target.setOffset(new Offset().withOffset(offset).withOffsetParam("ROWS"));
                }
            }
            case TOP -> ((PlainSelect) target).setTop(new Top().withExpression(new LongValue(limit)));
        }
        return new Limited(target, limit);
    }

    /**
     * JSqlParser hangs a trailing ORDER BY / LIMIT / OFFSET / FETCH of {@code a UNION b LIMIT n} on the last branch,
     * but SQL applies it to the whole set operation; moved up so the cap sees (and clamps) it.
     */
    private static void hoistTrailingClauses(SetOperationList setOperation) {
        List<Select> branches = setOperation.getSelects();
        if (!(branches.get(branches.size() - 1) instanceof PlainSelect last)) {
            return;
        }
        if (setOperation.getLimit() == null && setOperation.getFetch() == null && setOperation.getOffset() == null) {
            setOperation.setLimit(last.getLimit());
            setOperation.setOffset(last.getOffset());
            setOperation.setFetch(last.getFetch());
            last.setLimit(null);
            last.setOffset(null);
            last.setFetch(null);
        }
        if (setOperation.getOrderByElements() == null && last.getOrderByElements() != null) {
            setOperation.setOrderByElements(last.getOrderByElements());
            last.setOrderByElements(null);
        }
    }

    private static OptionalLong existingLimit(Select select) {
        OptionalLong result = OptionalLong.empty();
        if (select.getLimit() != null) {
            result = min(result, literal(select.getLimit().getRowCount(), "LIMIT"));
        }
        if (select.getFetch() != null) {
            Fetch fetch = select.getFetch();
            if (fetch.getFetchParameters().stream().anyMatch(p -> p.equalsIgnoreCase("PERCENT")
                    || p.toUpperCase(java.util.Locale.ROOT).contains("TIES"))) {
                throw new SqlRejectedException("FETCH ... PERCENT / WITH TIES is not allowed: the row cap must be exact");
            }
            result = min(result, fetch.getExpression() == null ? OptionalLong.of(1) : literal(fetch.getExpression(), "FETCH"));
        }
        if (select instanceof PlainSelect plain && plain.getTop() != null) {
            Top top = plain.getTop();
            if (top.isPercentage() || top.isWithTies()) {
                throw new SqlRejectedException("TOP ... PERCENT / WITH TIES is not allowed: the row cap must be exact");
            }
            result = min(result, literal(top.getExpression(), "TOP"));
        }
        return result;
    }

    private static OptionalLong literal(Expression expression, String clause) {
        if (expression == null || expression instanceof AllValue || expression instanceof NullValue) {
            return OptionalLong.empty();
        }
        if (expression instanceof LongValue value && value.getValue() >= 0) {
            return OptionalLong.of(value.getValue());
        }
        throw new SqlRejectedException(clause + " must be a non-negative integer literal, not " + expression);
    }

    private static OptionalLong min(OptionalLong a, OptionalLong b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    /** MySQL's {@code LIMIT o, n} keeps its offset in the Limit; moved to OFFSET so every style can render it. */
    private static Expression detachOffset(Select select) {
        Expression offset = select.getOffset() != null ? select.getOffset().getOffset() : null;
        if (select.getLimit() != null && select.getLimit().getOffset() != null) {
            offset = select.getLimit().getOffset();
        }
        select.setOffset(null);
        return offset;
    }

    /** TOP only exists on a plain SELECT: a set operation is wrapped, its WITH and ORDER BY moved to the wrapper. */
    private static PlainSelect wrap(Select select) {
        PlainSelect wrapper = new PlainSelect().addSelectItems(List.<SelectItem<?>>of(new SelectItem<>(new AllColumns())));
        wrapper.setWithItemsList(select.getWithItemsList());
        select.setWithItemsList(null);
        wrapper.setOrderByElements(select.getOrderByElements());
        select.setOrderByElements(null);
        ParenthesedSelect inner = new ParenthesedSelect().withSelect(select).withAlias(new Alias(WRAPPER_ALIAS));
        wrapper.setFromItem(inner);
        return wrapper;
    }
}
