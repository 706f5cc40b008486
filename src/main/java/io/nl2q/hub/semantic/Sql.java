package io.nl2q.hub.semantic;

import io.nl2q.hub.warehouse.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQL fragments in the tenant's dialect: table aliases, qualified model expressions, literals and filters. Values
 * come only from the tenant's warehouse index and are rendered as escaped literals, never pasted from the question.
 */
final class Sql {
    private final SemanticModel model;
    private final SqlDialect dialect;
    private final Map<String, String> aliases = new HashMap<>();
    private final String prefix;

    Sql(SemanticModel model, SqlDialect dialect, String prefix) {
        this.model = model;
        this.dialect = dialect;
        this.prefix = prefix;
    }

    SqlDialect dialect() {
        return dialect;
    }

    String alias(String table) {
        return aliases.computeIfAbsent(table, t -> {
            String initials = java.util.Arrays.stream(t.split("_")).map(p -> p.substring(0, 1))
                    .collect(Collectors.joining());
            String a = prefix + initials;
            int n = 2;
            while (aliases.containsValue(a)) {
                a = prefix + initials + n++;
            }
            return a;
        });
    }

    /**
     * The table as read: its physical name, or for a versioned table ({@code valid_from}) the latest version of each
     * key, a correlated MAX that every dialect runs.
     */
    String physical(String table) {
        ModelTable t = model.table(table).orElseThrow();
        if (t.validFrom() == null) {
            return t.physicalTable();
        }
        String row = "cur_" + alias(table);
        String older = "ver_" + alias(table);
        String sameKey = t.versionedKey().stream().map(c -> older + "." + c + " = " + row + "." + c)
                .collect(Collectors.joining(" AND "));
        return "(SELECT * FROM " + t.physicalTable() + " " + row + " WHERE " + row + "." + t.validFrom()
                + " = (SELECT MAX(" + older + "." + t.validFrom() + ") FROM " + t.physicalTable() + " " + older
                + (sameKey.isEmpty() ? "" : " WHERE " + sameKey) + "))";
    }

    String column(Field f) {
        return Expr.qualify(f.expr(), alias(f.table()));
    }

    String column(ModelTable t, String physicalColumn) {
        return alias(t.name()) + "." + physicalColumn;
    }

    /** FROM base and its joins along declared relationships. */
    String from(String base, List<JoinPlanner.Step> steps) {
        StringBuilder from = new StringBuilder(" FROM " + physical(base) + " " + alias(base));
        for (JoinPlanner.Step s : steps) {
            from.append(" JOIN ").append(physical(s.to())).append(' ').append(alias(s.to())).append(" ON ");
            from.append(joinCondition(s));
        }
        return from.toString();
    }

    String joinCondition(JoinPlanner.Step s) {
        boolean forward = s.via().leftTable().equals(s.from());
        return s.via().columns().stream().map(c -> alias(s.from()) + "." + (forward ? c.left() : c.right()) + " = "
                + alias(s.to()) + "." + (forward ? c.right() : c.left())).collect(Collectors.joining(" AND "));
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    String condition(Intent.Filter f) {
        String col = column(f.field());
        if (f.field().kind() == Field.Kind.FILTER) {
            return f.negated() ? "NOT (" + col + ")" : col;
        }
        if (f.range()) {
            String range = f.upTo() == Integer.MAX_VALUE ? col + " >= " + f.number()
                    : col + " BETWEEN " + f.number() + " AND " + f.upTo();
            return f.negated() ? "NOT (" + range + ")" : range;
        }
        if (f.number() != null) {
            return col + (f.negated() ? " <> " : " = ") + f.number();
        }
        if (f.values().size() == 1) {
            return col + (f.negated() ? " <> " : " = ") + literal(f.values().get(0));
        }
        return col + (f.negated() ? " NOT IN (" : " IN (")
                + f.values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    }

    String between(String column, Period p) {
        return column + " BETWEEN " + dialect.dateLiteral(p.from()) + " AND " + dialect.dateLiteral(p.to());
    }

    String limit(String select, int rows) {
        return switch (dialect.rowLimitStyle()) {
            case LIMIT -> select + " LIMIT " + rows;
            case FETCH_FIRST -> select + " FETCH FIRST " + rows + " ROWS ONLY";
            case TOP -> select.replaceFirst("^SELECT ", "SELECT TOP " + rows + " ");
        };
    }

    static String describe(Intent.Filter f) {
        if (f.field().kind() == Field.Kind.FILTER) {
            return (f.negated() ? "not " : "") + f.field().spokenName() + " (" + f.field().expr() + ")";
        }
        if (f.range()) {
            return f.field().name() + (f.negated() ? " not" : "") + (f.upTo() == Integer.MAX_VALUE
                    ? " at least " + f.number() : " from " + f.number() + " to " + f.upTo());
        }
        String values = f.number() != null ? String.valueOf(f.number()) : f.values().size() == 1 ? f.values().get(0)
                : "(" + String.join(", ", f.values()) + ")";
        String op = f.number() != null || f.values().size() == 1 ? (f.negated() ? " is not " : " = ")
                : f.negated() ? " not in " : " in ";
        return f.field().name() + op + values;
    }
}
