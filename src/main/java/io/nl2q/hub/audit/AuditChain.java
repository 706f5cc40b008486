package io.nl2q.hub.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to a tenant's hash chain. The chain head row is locked (SELECT ... FOR UPDATE) for the length of
 * the insert, so replicas sharing the app-state database never fork a chain; a JVM lock keeps local writers from
 * queueing on the database lock. Only inserts: nothing in the hub updates or deletes an audit row.
 */
@Component
class AuditChain {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReentrantLock local = new ReentrantLock();

    @Autowired
    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * What a caller records; the chain adds number, time and hashes. {@code queryId} only for answers. Written with
     * {@link NewEntry#of}, naming only the fields an entry has.
     */
    record NewEntry(String tenantId, String correlationId, String subject, String kind, String question,
                    String sqlText, String engine, String outcome, Integer rowCount, long elapsedMs, String clientIp,
                    String userAgent, String guardVerdict, String errorCode, String piiColumns, String detail,
                    String queryId) {

        /** An entry of {@code kind} by {@code subject} in a tenant, with its outcome; the rest is set by name. */
        static NewEntryBuilder of(String tenantId, String correlationId, String subject, String kind,
                                  String outcome) {
            return new NewEntryBuilder(tenantId, correlationId, subject, kind, outcome);
        }
    }

    /** @return the chained entry as stored */
    AuditEntry append(NewEntry e) {
        ensureHead(e.tenantId());
        local.lock();
        try {
            return tx.execute(status -> {
                List<Object[]> head = jdbc.query(
                        "SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ? FOR UPDATE",
                        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, e.tenantId());
                long seq = (Long) head.get(0)[0] + 1;
                String previous = (String) head.get(0)[1];
                long now = clock.millis();
                AuditEntry entry = new AuditEntry(seq, e.tenantId(), e.correlationId(), e.subject(), e.kind(),
                        e.question(), e.sqlText(), e.engine(), e.outcome(), e.rowCount(), e.elapsedMs(), now,
                        e.clientIp(), e.userAgent(), e.guardVerdict(), e.errorCode(), e.piiColumns(), e.detail(),
                        e.queryId());
                String hash = entry.hash(previous);
                jdbc.update("""
                        INSERT INTO query_audit (tenant_seq, correlation_id, tenant_id, subject, kind, question, sql_text,
                               engine, outcome, row_count, elapsed_ms, created_at, client_ip, user_agent, guard_verdict,
                               error_code, pii_columns, detail, prev_hash, entry_hash, query_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, seq, entry.correlationId(), entry.tenantId(), entry.subject(), entry.kind(),
                        entry.question(), entry.sqlText(), entry.engine(), entry.outcome(), entry.rowCount(),
                        entry.elapsedMs(), utc(now), entry.clientIp(), entry.userAgent(),
                        entry.guardVerdict(), entry.errorCode(), entry.piiColumns(), entry.detail(), previous, hash,
                        entry.queryId());
                jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE tenant_id = ?",
                        seq, hash, e.tenantId());
                return entry;
            });
        } finally {
            local.unlock();
        }
    }

    /** created_at of audit rows is UTC wall time: no time zone or daylight-saving change can alter a hashed value. */
    static LocalDateTime utc(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static long millis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private void ensureHead(String tenantId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain_head WHERE tenant_id = ?",
                Integer.class, tenantId);
        if (known != null && known == 0) {
            try {
                jdbc.update("INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)",
                        tenantId, AuditEntry.GENESIS);
            } catch (DuplicateKeyException anotherWriterWasFirst) {
                // the head exists now, which is all this needed
            }
        }
    }
}
