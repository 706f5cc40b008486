package io.nl2q.hub.powerbi;

import io.nl2q.hub.warehouse.SqlDialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Translates the parsed {@code $filter} tree (Olingo's AST, never the URL text) into a SQL condition: properties
 * become quoted columns of the entity set, literals become bind parameters holding their parsed values (LIKE patterns
 * escaped, dates as the dialect binds them), so no literal of the URL is pasted into SQL. What has no safe
 * translation is refused with 501.
 */
final class FilterSql implements ExpressionVisitor<FilterSql.Sql> {
    private final FeedSet set;
    private final SqlDialect dialect;

    /** A translated fragment; {@code text} is the raw value when the fragment is a string literal. */
    record Sql(FeedSql sql, Kind kind, String text) {
        enum Kind { EXPRESSION, NULL, STRING_LITERAL, BOOLEAN }
    }

    FilterSql(FeedSet set, SqlDialect dialect) {
        this.set = set;
        this.dialect = dialect;
    }

    FeedSql condition(Expression filter) throws ODataApplicationException {
        try {
            Sql sql = filter.accept(this);
            return sql.sql();
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw new ODataApplicationException(e.getMessage(), HttpStatusCode.BAD_REQUEST.getStatusCode(),
                    Locale.ROOT);
        }
    }

    /** The SQL of a column of this set. */
    static String column(FeedSet set, FeedColumn column, SqlDialect dialect) {
        return set.kind() == FeedSet.Kind.TABLE ? SqlNames.table(column.sqlLabel(), dialect)
                : dialect.quoteIdentifier(column.sqlLabel());
    }

    @Override
    public Sql visitBinaryOperator(BinaryOperatorKind op, Sql left, Sql right) throws ODataApplicationException {
        return switch (op) {
            case AND -> expr("(", left.sql(), " AND ", right.sql(), ")");
            case OR -> expr("(", left.sql(), " OR ", right.sql(), ")");
            case EQ -> right.kind() == Sql.Kind.NULL ? expr("(", left.sql(), " IS NULL)")
                    : left.kind() == Sql.Kind.NULL ? expr("(", right.sql(), " IS NULL)")
                    : expr("(", left.sql(), " = ", right.sql(), ")");
            case NE -> right.kind() == Sql.Kind.NULL ? expr("(", left.sql(), " IS NOT NULL)")
                    : left.kind() == Sql.Kind.NULL ? expr("(", right.sql(), " IS NOT NULL)")
                    // OData: a null property is "not equal" to any value; SQL's <> would drop it
                    : expr("(", left.sql(), " <> ", right.sql(), " OR ", left.sql(), " IS NULL)");
            case GT -> compare(left, ">", right);
            case GE -> compare(left, ">=", right);
            case LT -> compare(left, "<", right);
            case LE -> compare(left, "<=", right);
            case ADD -> expr("(", left.sql(), " + ", right.sql(), ")");
            case SUB -> expr("(", left.sql(), " - ", right.sql(), ")");
            case MUL -> expr("(", left.sql(), " * ", right.sql(), ")");
            case DIV -> expr("(", left.sql(), " / ", right.sql(), ")");
            case MOD -> expr("(", left.sql(), " % ", right.sql(), ")");
            default -> throw notImplemented("the operator " + op.name().toLowerCase(Locale.ROOT));
        };
    }

    @Override
    public Sql visitBinaryOperator(BinaryOperatorKind op, Sql left, List<Sql> right) throws ODataApplicationException {
        if (op != BinaryOperatorKind.IN) {
            throw notImplemented("the operator " + op.name().toLowerCase(Locale.ROOT));
        }
        if (right.isEmpty()) {
            return expr("(1 = 0)"); // in () matches nothing; SQL has no empty list
        }
        return expr("(", left.sql(), " IN (", FeedSql.join(", ", right.stream().map(Sql::sql).toList()), "))");
    }

    @Override
    public Sql visitUnaryOperator(UnaryOperatorKind op, Sql operand) throws ODataApplicationException {
        return switch (op) {
            case NOT -> expr("(NOT ", operand.sql(), ")");
            case MINUS -> expr("(-", operand.sql(), ")");
        };
    }

    @Override
    public Sql visitMethodCall(MethodKind method, List<Sql> args) throws ODataApplicationException {
        return switch (method) {
            case CONTAINS -> like(args, "%", "%");
            case STARTSWITH -> like(args, "", "%");
            case ENDSWITH -> like(args, "%", "");
            case TOLOWER -> expr("LOWER(", args.get(0).sql(), ")");
            case TOUPPER -> expr("UPPER(", args.get(0).sql(), ")");
            case TRIM -> expr("TRIM(", args.get(0).sql(), ")");
            case LENGTH -> expr("LENGTH(", args.get(0).sql(), ")");
            case YEAR -> expr("EXTRACT(YEAR FROM ", args.get(0).sql(), ")");
            case MONTH -> expr("EXTRACT(MONTH FROM ", args.get(0).sql(), ")");
            case DAY -> expr("EXTRACT(DAY FROM ", args.get(0).sql(), ")");
            default -> throw notImplemented("the function " + method.name().toLowerCase(Locale.ROOT));
        };
    }

    @Override
    public Sql visitLiteral(Literal literal) throws ODataApplicationException {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || "null".equals(text)) {
            return new Sql(FeedSql.text("NULL"), Sql.Kind.NULL, null);
        }
        String name = type.getFullQualifiedName().getFullQualifiedNameAsString();
        try {
            if (name.equals(EdmPrimitiveTypeKind.String.getFullQualifiedName().getFullQualifiedNameAsString())) {
                String value = text.substring(1, text.length() - 1).replace("''", "'");
                return new Sql(FeedSql.value(value), Sql.Kind.STRING_LITERAL, value);
            }
            if (name.equals("Edm.Boolean")) {
                return new Sql(FeedSql.text(Boolean.parseBoolean(text) ? "TRUE" : "FALSE"), Sql.Kind.BOOLEAN, null);
            }
            if (name.equals("Edm.Date")) {
                return value(dialect.dateValue(LocalDate.parse(text)));
            }
            if (name.equals("Edm.DateTimeOffset")) {
                OffsetDateTime at = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
                return value(dialect.timestampValue(at.toLocalDateTime()));
            }
            if (List.of("Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Decimal", "Edm.Double",
                    "Edm.Single").contains(name)) {
                String number = text.replaceFirst("(?i)[md]$", "");
                return value(number(new BigDecimal(number)));
            }
        } catch (RuntimeException e) {
            throw new ODataApplicationException("the literal " + text + " is not a valid " + name,
                    HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
        }
        throw notImplemented("literals of type " + name);
    }

    @Override
    public Sql visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw notImplemented("paths other than a property of the entity set");
        }
        FeedColumn column = set.column(property.getProperty().getName()).orElseThrow(() ->
                new ODataApplicationException("unknown property " + property.getProperty().getName(),
                        HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT));
        return expr(column(set, column, dialect));
    }

    @Override
    public Sql visitAlias(String alias) throws ODataApplicationException {
        throw notImplemented("parameter aliases");
    }

    @Override
    public Sql visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw notImplemented("type literals");
    }

    @Override
    public Sql visitLambdaExpression(String op, String variable, Expression expression)
            throws ODataApplicationException {
        throw notImplemented("lambda expressions");
    }

    @Override
    public Sql visitLambdaReference(String variable) throws ODataApplicationException {
        throw notImplemented("lambda expressions");
    }

    @Override
    public Sql visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
        throw notImplemented("enumerations");
    }

    private static Sql compare(Sql left, String op, Sql right) {
        return expr("(", left.sql(), " " + op + " ", right.sql(), ")");
    }

    /** A whole number binds as a long (engines compare it with integer columns as they are), else as a decimal. */
    static Object number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 && plain.precision() - plain.scale() < 19 ? (Object) plain.longValueExact() : value;
    }

    /** LIKE with the pattern built from the parsed literal, its wildcards escaped: contains(name,'50%') is literal. */
    private static Sql like(List<Sql> args, String before, String after) throws ODataApplicationException {
        Sql pattern = args.get(1);
        if (pattern.kind() != Sql.Kind.STRING_LITERAL) {
            throw notImplemented("contains/startswith/endswith with anything but a string literal as the second argument");
        }
        // '!' rather than a backslash: the guard refuses backslashes in literals, which engines read differently
        String escaped = pattern.text().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return expr("(", args.get(0).sql(), " LIKE ", FeedSql.value(before + escaped + after), " ESCAPE '!')");
    }

    private static Sql expr(Object... pieces) {
        return new Sql(FeedSql.concat(pieces), Sql.Kind.EXPRESSION, null);
    }

    private static Sql value(Object value) {
        return new Sql(FeedSql.value(value), Sql.Kind.EXPRESSION, null);
    }

    private static ODataApplicationException notImplemented(String what) {
        return new ODataApplicationException("the feed does not support " + what,
                HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
    }
}
