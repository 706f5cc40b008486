package io.nl2q.hub.audit;

import io.nl2q.hub.security.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Recomputes a tenant's chain from its first entry and reports the first entry that does not match: content changed
 * (its hash differs), an entry removed or inserted (a gap or repeat in the sequence, or a previous-hash mismatch), or
 * the tail cut off (the chain head names a later entry). Streams the rows, so a million entries need little memory.
 */
@Component("auditVerifier")
public class AuditVerifier {
    private static final String ROWS = """
            SELECT audit_id, tenant_seq, tenant_id, correlation_id, subject, kind, question, sql_text, engine, outcome,
                   row_count, elapsed_ms, created_at, client_ip, user_agent, guard_verdict, error_code, pii_columns,
                   detail, prev_hash, entry_hash, query_id
              FROM query_audit WHERE tenant_id = ? AND tenant_seq IS NOT NULL ORDER BY tenant_seq""";
    private final DataSource dataSource;

    AuditVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The caller's own tenant chain (an admin or operator verifies the trail of their tenant). */
    public ChainVerification verify(Caller caller) {
        return verify(caller.tenant().id());
    }

    public ChainVerification verify(String tenantId) {
        long started = System.nanoTime();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                return check(c, tenantId, started);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit chain of " + tenantId + " could not be read", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private ChainVerification check(Connection c, String tenantId, long started) throws SQLException {
        long expectedSeq = 1;
        String previous = AuditEntry.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(ROWS)) {
            ps.setFetchSize(5_000);
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long seq = rs.getLong(2);
                    if (seq != expectedSeq) {
                        return altered(tenantId, expectedSeq - 1, seq, id, seq > expectedSeq
                                ? "entries " + expectedSeq + ".." + (seq - 1) + " are missing"
                                : "entry number " + seq + " appears twice", started);
                    }
                    if (!previous.equals(rs.getString(20))) {
                        return altered(tenantId, seq - 1, seq, id,
                                "the previous-hash link does not match the entry before it", started);
                    }
                    String computed = entry(rs).hash(previous);
                    if (!computed.equals(rs.getString(21))) {
                        return altered(tenantId, seq - 1, seq, id,
                                "the content does not match its hash", started);
                    }
                    previous = computed;
                    expectedSeq++;
                }
            }
        }
        long entries = expectedSeq - 1;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet head = ps.executeQuery()) {
                boolean known = head.next();
                if (!known && entries > 0) {
                    return altered(tenantId, entries, entries, null, "the chain head is missing", started);
                }
                if (known && (head.getLong(1) != entries || !head.getString(2).equals(previous))) {
                    return altered(tenantId, entries, entries + 1, null, "the chain head names entry "
                            + head.getLong(1) + " but the trail ends at entry " + entries, started);
                }
            }
        }
        return new ChainVerification(tenantId, entries, true, null, null, null, elapsedMs(started));
    }

    /** Reads the row by column position (the order of ROWS): by label costs a lookup per column and row. */
    static AuditEntry entry(ResultSet rs) throws SQLException {
        int rows = rs.getInt(11);
        Integer rowCount = rs.wasNull() ? null : rows;
        return new AuditEntry(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rowCount, rs.getLong(12),
                AuditChain.millis(rs.getObject(13, LocalDateTime.class)), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(22));
    }

    private static ChainVerification altered(String tenantId, long intactEntries, long seq, Long auditId,
                                             String reason, long started) {
        return new ChainVerification(tenantId, intactEntries, false, seq, auditId, reason, elapsedMs(started));
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
