package io.nl2q.hub.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Visits every object reachable from the statement, by reflection rather than by JSqlParser's visitors, so that no
 * table, subquery or function can hide in a clause a hand-written visitor forgot: every {@link Table} found is bound,
 * every node kind passes {@link NodePolicy}. The only structure it needs to know is where CTE names come into scope
 * and which tables are merely column qualifiers. With shared tables it also puts each bound table's tenant rows in
 * the table's place.
 */
final class QueryWalker {
    private static final int MAX_DEPTH = 400;
    private static final Set<String> SKIPPED_FIELDS = Set.of("Table.partItems", "Table.partDelimiters",
            "Table.resolvedTable", "Column.table", "Column.resolvedTable", "AllTableColumns.table",
            "Select.withItemsList");
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    boolean parserInternal = field.getType().getName().startsWith("net.sf.jsqlparser.parser.");
                    String key = c.getSimpleName() + "." + field.getName();
                    if (!Modifier.isStatic(field.getModifiers()) && !parserInternal && !SKIPPED_FIELDS.contains(key)) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    private final TableBinder binder;
    private final FunctionPolicy functions;
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    private final boolean bound;
    private int placeholders;

    /** @param bound whether the statement's values are bound, so plain {@code ?} placeholders are allowed */
    QueryWalker(TableBinder binder, FunctionPolicy functions, boolean bound) {
        this.binder = binder;
        this.functions = functions;
        this.bound = bound;
    }

    QueryWalker(TableBinder binder, FunctionPolicy functions) {
        this(binder, functions, false);
    }

    /** The plain {@code ?} placeholders walked so far. */
    int placeholders() {
        return placeholders;
    }

    void walk(Object node, Scope scope, int depth) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Character || node instanceof Enum<?>) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new SqlRejectedException("statement is nested too deeply");
        }
        if (node instanceof Collection<?> items) {
            // a shared table found directly in a list has no FROM position to take its tenant's rows; it stays
            // unreplaced and TableBinder#requireAllReplaced refuses the statement
            items.forEach(item -> walk(item, scope, depth + 1));
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                walk(key, scope, depth + 1);
                walk(value, scope, depth + 1);
            });
            return;
        }
        if (!node.getClass().getName().startsWith("net.sf.jsqlparser.")) {
            throw new SqlRejectedException("unsupported SQL construct: " + node.getClass().getSimpleName());
        }
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (bound && node instanceof JdbcParameter p && !p.isUseFixedIndex()) {
            placeholders++;
            return;
        }
        NodePolicy.check(node);
        Scope inner = scope;
        if (node instanceof Table table) {
            binder.bind(table, scope);
        } else if (node instanceof Column column) {
            binder.checkQualifier(column.getTable());
        } else if (node instanceof AllTableColumns columns) {
            binder.checkQualifier(columns.getTable());
        } else if (node instanceof Function function) {
            functions.check(function.getMultipartName());
        } else if (node instanceof AnalyticExpression analytic) {
            functions.check(List.of(analytic.getName()));
        } else if (node instanceof Select select && select.getWithItemsList() != null) {
            inner = enterWith(select.getWithItemsList(), scope, depth);
        }
        for (Field field : FIELDS.get(node.getClass())) {
            Object child = read(field, node);
            walk(child, inner, depth + 1);
            FromItem tenantRows = binder.takeReplacement(child);
            if (tenantRows != null) {
                replace(field, node, child, tenantRows);
            }
        }
    }

    /** Puts a shared table's tenant rows where the table was; a position that cannot hold a FROM item is refused. */
    private static void replace(Field field, Object node, Object table, FromItem tenantRows) {
        if (Modifier.isFinal(field.getModifiers()) || !field.getType().isInstance(tenantRows)) {
            throw new SqlRejectedException("table " + table + " cannot be bound to your tenant's rows where it is "
                    + "written");
        }
        try {
            field.set(node, tenantRows);
        } catch (IllegalAccessException e) {
            throw new SqlRejectedException("unsupported SQL construct: " + node.getClass().getSimpleName());
        }
    }

    /**
     * A CTE is visible to the CTEs after it and to the query body; with RECURSIVE also to its own body. It is never
     * visible to earlier CTEs: taking the narrowest scope means a name we leave unqualified is a CTE on every engine.
     */
    private Scope enterWith(List<WithItem<?>> items, Scope scope, int depth) {
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        Scope current = scope;
        for (WithItem<?> item : items) {
            if (item.getAlias() == null) {
                throw new SqlRejectedException("a WITH item without a name is not allowed");
            }
            String key = Identifier.parse(item.getAlias().getName()).scopeKey();
            if (recursive) {
                current = current.with(key);
            }
            walk(item, current, depth + 1);
            if (!recursive) {
                current = current.with(key);
            }
        }
        return current;
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new SqlRejectedException("unsupported SQL construct: " + node.getClass().getSimpleName());
        }
    }
}
