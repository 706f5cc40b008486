package io.nl2q.hub.crm;

import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Narrows a generated query to one HCP for the widget's ask box. Only a query whose rows are prescribers (an
 * {@code hcp_id} column among its outer select items) is about an HCP; its outer row limit is dropped before the
 * filter, so "top 10 prescribers" answers with this HCP's row even when the HCP is not among the top 10.
 */
final class HcpScope {
    private HcpScope() {
    }

    /** The scoped SQL, or empty when the query does not list prescribers. */
    static Optional<String> scope(String generatedSql, String crmId) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(generatedSql.strip().replaceAll(";\\s*$", ""));
        } catch (JSQLParserException e) {
            return Optional.empty();
        }
        if (!(statement instanceof PlainSelect select) || !listsPrescribers(select)) {
            return Optional.empty();
        }
        select.setLimit(null);
        select.setFetch(null);
        return Optional.of("SELECT * FROM (" + select + ") scoped WHERE scoped.hcp_id IN (SELECT hcp_id FROM hcp"
                + " WHERE crm_account_id = " + literal(crmId) + ")");
    }

    /**
     * A validated CRM id as a SQL string literal: the scoped SQL goes through the answer pipeline, which carries
     * text only; the id is 15 or 18 alphanumerics, so the literal cannot hold a quote.
     */
    private static String literal(String crmId) {
        if (!GuardedReads.isCrmId(crmId)) {
            throw new IllegalArgumentException("not a CRM record id");
        }
        return "'" + crmId + "'";
    }

    private static boolean listsPrescribers(PlainSelect select) {
        for (SelectItem<?> item : select.getSelectItems()) {
            String name = item.getAlias() != null ? item.getAlias().getName()
                    : item.getExpression() instanceof Column c ? c.getColumnName() : "";
            if ("hcp_id".equalsIgnoreCase(name.replace("\"", ""))) {
                return true;
            }
        }
        return false;
    }
}
