package io.nl2q.hub.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Verifies a chain of N audit entries (default 1,000,000) and prints how long it took, on the embedded app state
 * (an H2 file under target/) and on a real PostgreSQL (the production app state, from Maven-shipped binaries). The
 * chain is first written with the hub's own hashing, in batches.
 * Run: {@code java -cp <test classpath> io.nl2q.hub.audit.AuditVerifyBench [entries]}; the target is ≤ 10 s.
 */
public final class AuditVerifyBench {
    private AuditVerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Path.of("target", "audit-bench");
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("state") + ";DB_CLOSE_DELAY=-1");
        run("H2 file (embedded default)", h2, entries);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            run("PostgreSQL (production app state)", postgres.getPostgresDatabase(), entries);
        }
    }

    private static void run(String store, DataSource dataSource, int entries) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        long written = System.nanoTime();
        write(dataSource, entries);
        System.out.printf("%s: wrote %,d chained entries in %.1f s%n", store, entries,
                (System.nanoTime() - written) / 1e9);
        AuditVerifier verifier = new AuditVerifier(dataSource);
        verifier.verify("bench"); // warm-up pass over the same rows (JIT, page cache)
        long started = System.nanoTime();
        ChainVerification result = verifier.verify("bench");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: verified %,d entries in %.2f s (intact: %s)%n", store, result.entries(), seconds,
                result.intact());
        if (!result.intact() || result.entries() != entries) {
            throw new IllegalStateException("unexpected result: " + result);
        }
    }

    private static void write(DataSource dataSource, int entries) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String previous = AuditEntry.GENESIS;
            long start = System.currentTimeMillis() - entries;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO query_audit (tenant_seq, correlation_id, tenant_id, subject, kind, question, sql_text,
                           engine, outcome, row_count, elapsed_ms, created_at, client_ip, user_agent, guard_verdict,
                           error_code, pii_columns, detail, prev_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 1; i <= entries; i++) {
                    AuditEntry e = new AuditEntry(i, "bench", "corr-" + i, "user:analyst" + (i % 50), "question",
                            "top 10 prescribers by TRx for Tirosint in Q" + (1 + i % 4) + " 2024",
                            "SELECT h.hcp_id, h.full_name, SUM(r.trx) AS trx FROM acme.rx_weekly r JOIN acme.hcp h "
                                    + "ON h.hcp_id = r.hcp_id GROUP BY h.hcp_id, h.full_name ORDER BY trx DESC LIMIT 10",
                            "semantic", "ANSWERED", 10, 40 + i % 100, start + i, "10.0.0." + (i % 250),
                            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "PASSED tables=[hcp, rx_weekly] limit=10",
                            null, "hcp.full_name", null, null);
                    String hash = e.hash(previous);
                    int k = 1;
                    ps.setLong(k++, e.tenantSeq());
                    ps.setString(k++, e.correlationId());
                    ps.setString(k++, e.tenantId());
                    ps.setString(k++, e.subject());
                    ps.setString(k++, e.kind());
                    ps.setString(k++, e.question());
                    ps.setString(k++, e.sqlText());
                    ps.setString(k++, e.engine());
                    ps.setString(k++, e.outcome());
                    ps.setInt(k++, e.rowCount());
                    ps.setLong(k++, e.elapsedMs());
                    ps.setObject(k++, AuditChain.utc(e.createdAtMillis()));
                    ps.setString(k++, e.clientIp());
                    ps.setString(k++, e.userAgent());
                    ps.setString(k++, e.guardVerdict());
                    ps.setString(k++, e.errorCode());
                    ps.setString(k++, e.piiColumns());
                    ps.setString(k++, e.detail());
                    ps.setString(k++, previous);
                    ps.setString(k++, hash);
                    ps.addBatch();
                    previous = hash;
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement(
                    "INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES ('bench', ?, ?)")) {
                head.setLong(1, entries);
                head.setString(2, previous);
                head.executeUpdate();
            }
            c.commit();
        }
    }
}
