package io.nl2q.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One audit row as it is chained. Its hash is SHA-256 over the previous entry's hash and the canonical content: every
 * field in a fixed order, each written as {@code <length>:<value>;} (null as {@code -;}), so no two different rows
 * share a canonical form. {@code createdAtMillis} is the stored time in epoch milliseconds. {@code queryId} (the
 * hub's id of an answer) is hashed after the other fields only when present, so rows written before it existed keep
 * their hashes.
 */
record AuditEntry(long tenantSeq, String tenantId, String correlationId, String subject, String kind, String question,
                  String sqlText, String engine, String outcome, Integer rowCount, long elapsedMs,
                  long createdAtMillis, String clientIp, String userAgent, String guardVerdict, String errorCode,
                  String piiColumns, String detail, String queryId) {
    static final String GENESIS = "0".repeat(64);

    AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
    }

    String canonical() {
        StringBuilder s = new StringBuilder(256);
        field(s, Long.toString(tenantSeq));
        field(s, tenantId);
        field(s, correlationId);
        field(s, subject);
        field(s, kind);
        field(s, question);
        field(s, sqlText);
        field(s, engine);
        field(s, outcome);
        field(s, rowCount == null ? null : rowCount.toString());
        field(s, Long.toString(elapsedMs));
        field(s, Long.toString(createdAtMillis));
        field(s, clientIp);
        field(s, userAgent);
        field(s, guardVerdict);
        field(s, errorCode);
        field(s, piiColumns);
        field(s, detail);
        if (queryId != null) {
            field(s, queryId);
        }
        return s.toString();
    }

    /** The hash this entry must carry when chained after an entry whose hash is {@code previousHash}. */
    String hash(String previousHash) {
        MessageDigest sha = sha256();
        sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(canonical().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(StringBuilder s, String value) {
        if (value == null) {
            s.append("-;");
        } else {
            s.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest sha = SHA.get();
        sha.reset();
        return sha;
    }
}
