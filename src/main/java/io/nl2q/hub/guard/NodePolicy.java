package io.nl2q.hub.guard;

import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.NumericBind;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * Which AST node kinds may appear at all. Query-structure nodes are allow-listed, so any construct JSqlParser learns
 * later (or one we did not think of) is refused until someone decides it is safe; expressions are allowed by package
 * minus the kinds that bind parameters, touch session state or hide a table.
 */
final class NodePolicy {
    private static final String SELECT_PKG = "net.sf.jsqlparser.statement.select.";
    private static final Set<String> ALLOWED_SELECT_NODES = Set.of("PlainSelect", "SetOperationList",
            "ParenthesedSelect", "LateralSubSelect", "Values", "WithItem", "SelectItem", "AllColumns",
            "AllTableColumns", "Distinct", "Join", "GroupByElement", "OrderByElement", "Limit", "Offset", "Fetch",
            "Top", "UnionOp", "IntersectOp", "ExceptOp", "MinusOp", "ParenthesedFromItem");
    private static final Set<String> ALLOWED_OTHER_NODES = Set.of("net.sf.jsqlparser.schema.Table",
            "net.sf.jsqlparser.schema.Column", "net.sf.jsqlparser.statement.create.table.ColDataType");
    private static final Set<String> DENIED_EXPRESSIONS = Set.of("MethodCallExpression", "RawFunction",
            "XmlTableFunction", "JsonTableFunction", "OracleHint", "OracleNamedFunctionParameter",
            "ConnectByRootOperator", "OracleHierarchicalExpression", "MySQLIndexHint", "SQLServerHints");

    private NodePolicy() {
    }

    static void check(Object node) {
        if (node instanceof JdbcParameter || node instanceof JdbcNamedParameter || node instanceof NumericBind) {
            throw new SqlRejectedException("bind parameters are not allowed: " + node);
        }
        if (node instanceof UserVariable || node instanceof VariableAssignment) {
            throw new SqlRejectedException("session variables are not allowed: " + node);
        }
        if (node instanceof NextValExpression) {
            throw new SqlRejectedException("sequence access is not allowed: " + node);
        }
        if (node instanceof TableFunction function) {
            Function call = function.getFunction() != null ? function.getFunction() : function;
            throw new SqlRejectedException("table function " + call.getName() + "(...) is not allowed");
        }
        if (node instanceof Select select) {
            checkClauses(select);
        }
        String className = node.getClass().getName();
        String simpleName = node.getClass().getSimpleName();
        boolean allowed = className.startsWith(SELECT_PKG)
                ? ALLOWED_SELECT_NODES.contains(simpleName)
                : ALLOWED_OTHER_NODES.contains(className)
                        || className.startsWith("net.sf.jsqlparser.expression.")
                        && !DENIED_EXPRESSIONS.contains(simpleName);
        if (!allowed) {
            throw new SqlRejectedException("unsupported SQL construct: " + describe(node));
        }
    }

    private static void checkClauses(Select select) {
        if (select.getForMode() != null || select.getForUpdateTables() != null) {
            throw new SqlRejectedException("FOR UPDATE / FOR SHARE is not allowed: the guard only runs reads");
        }
        if (select.getForClause() != null || select.getIsolation() != null || select.getOption() != null
                || select.getMySqlProcedureAnalyse() != null || select.getPivot() != null
                || select.getUnPivot() != null) {
            throw new SqlRejectedException("unsupported SQL construct: clauses FOR/ISOLATION/OPTION/PIVOT");
        }
        if (select instanceof PlainSelect plain) {
            if (plain.getIntoTables() != null || plain.getIntoTempTable() != null
                    || plain.getMySqlSelectIntoClause() != null) {
                throw new SqlRejectedException("SELECT ... INTO is not allowed: it writes a table");
            }
            if (plain.getSettings() != null || plain.getLateralViews() != null || plain.getKsqlWindow() != null) {
                throw new SqlRejectedException("unsupported SQL construct: SETTINGS/LATERAL VIEW/WINDOW clause");
            }
        }
    }

    private static String describe(Object node) {
        String text = node instanceof Expression || node instanceof Select ? " (" + node + ")" : "";
        return node.getClass().getSimpleName() + (text.length() > 80 ? "" : text);
    }
}
