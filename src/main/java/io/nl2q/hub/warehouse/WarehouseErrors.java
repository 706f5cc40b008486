package io.nl2q.hub.warehouse;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Turns driver exceptions into the hub's categorized errors, with a message safe to show a client. */
final class WarehouseErrors {
    /** PostgreSQL query_canceled (statement_timeout), SQL Server and ODBC timeout states. */
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "HYT00", "HYT01", "HY008");
    private static final int MAX_MESSAGE = 300;

    private WarehouseErrors() {
    }

    static HubException map(SQLException e, String tenantId) {
        if (isTimeout(e)) {
            return new HubException(ErrorCode.QUERY_TIMEOUT, Phase.EXECUTE,
                    "the query ran longer than the statement timeout and was cancelled", e);
        }
        if (isUnavailable(e)) {
            return unavailable(tenantId, e);
        }
        return new HubException(ErrorCode.INVALID_QUERY, Phase.EXECUTE, firstLine(e.getMessage()), e);
    }

    static HubException unavailable(String tenantId, Throwable cause) {
        return new HubException(ErrorCode.WAREHOUSE_UNAVAILABLE, Phase.EXECUTE,
                "the warehouse of tenant " + tenantId + " is unavailable", cause);
    }

    private static boolean isTimeout(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (s instanceof SQLTimeoutException || (state != null && TIMEOUT_STATES.contains(state))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The driver's first line, without control characters and never longer than 300 characters. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "the warehouse rejected the query";
        }
        String line = message.strip().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").strip();
        line = line.replaceFirst("^ERROR:\\s*", "");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
