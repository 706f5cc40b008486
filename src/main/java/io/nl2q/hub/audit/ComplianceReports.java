package io.nl2q.hub.audit;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds the compliance report of the caller's tenant from its audit trail, and says whether the trail is intact. */
@Component("complianceReports")
public class ComplianceReports {
    static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);
    /**
     * The audit kinds of requests that read warehouse data (a constant list, never request data): questions, SQL,
     * the OData feed, and the features' own reads ({@code read}, counted by their purpose).
     */
    static final String READ_KINDS = "('question', 'sql', 'odata', 'read')";
    private final JdbcTemplate jdbc;
    private final AuditVerifier verifier;

    ComplianceReports(JdbcTemplate jdbc, AuditVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    /**
     * @param from a day ({@code 2025-01-01}, from its start, UTC) or an instant; inclusive
     * @param to   a day (until its end, UTC) or an instant; exclusive
     */
    public ComplianceReport report(Caller caller, String from, String to) {
        Instant start = parse(from, "from", false);
        Instant end = parse(to, "to", true);
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw bad("\"to\" must be after \"from\", and the period at most " + MAX_PERIOD.toDays() + " days");
        }
        String tenant = caller.tenant().id();
        Object[] range = {tenant, LocalDateTime.ofInstant(start, ZoneOffset.UTC),
                LocalDateTime.ofInstant(end, ZoneOffset.UTC)};
        String where = " FROM query_audit WHERE tenant_id = ? AND created_at >= ? AND created_at < ?";
        long questions = count("SELECT COUNT(*)" + where + " AND kind = 'question'", range);
        long sql = count("SELECT COUNT(*)" + where + " AND kind = 'sql'", range);
        long users = count("SELECT COUNT(DISTINCT subject)" + where + " AND kind IN " + READ_KINDS, range);
        Map<String, Long> reads = grouped("SELECT CASE WHEN kind = 'read' THEN detail ELSE kind END, COUNT(*)" + where
                + " AND kind IN " + READ_KINDS + " GROUP BY CASE WHEN kind = 'read' THEN detail ELSE kind END", range);
        Map<String, Long> byColumn = new TreeMap<>();
        Map<String, Long> byUser = new TreeMap<>();
        long[] piiRequests = {0};
        jdbc.query("SELECT subject, pii_columns" + where + " AND pii_columns IS NOT NULL AND outcome = 'ANSWERED'",
                rs -> {
                    piiRequests[0]++;
                    byUser.merge(rs.getString(1), 1L, Long::sum);
                    for (String column : rs.getString(2).split(",")) {
                        byColumn.merge(column, 1L, Long::sum);
                    }
                }, range);
        Map<String, Long> refusals = grouped("SELECT error_code, COUNT(*)" + where
                + " AND outcome = 'REFUSED' GROUP BY error_code", range);
        Map<String, Long> events = grouped("SELECT outcome, COUNT(*)" + where
                + " AND kind = 'security' GROUP BY outcome", range);
        return new ComplianceReport(tenant, start.toString(), end.toString(), questions, sql,
                new ComplianceReport.Counted(sum(reads), reads), users,
                new ComplianceReport.PiiAccesses(piiRequests[0], byColumn, byUser),
                new ComplianceReport.Counted(sum(refusals), refusals),
                new ComplianceReport.Counted(sum(events), events), verifier.verify(tenant));
    }

    private long count(String sql, Object[] args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private Map<String, Long> grouped(String sql, Object[] args) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1) == null ? "UNKNOWN" : rs.getString(1), rs.getLong(2));
        }, args);
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Instant parse(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            throw bad("the query parameter \"" + name + "\" is required (a day such as 2025-01-31, or an instant)");
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad("\"" + name + "\" must be a day such as 2025-01-31 or an instant such as 2025-01-31T12:00:00Z");
        }
    }

    private static HubException bad(String message) {
        return new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST, message);
    }
}
