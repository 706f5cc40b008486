package io.nl2q.hub.audit;

/**
 * An audit entry being written, field by name: who, tenant, kind and outcome are given up front, the rest only
 * where the entry has it (a refusal has no row count, a security event no SQL). Unset fields are stored as null.
 */
final class NewEntryBuilder {
    private final String tenantId;
    private final String correlationId;
    private final String subject;
    private final String kind;
    private final String outcome;
    private String question;
    private String sqlText;
    private String engine;
    private Integer rowCount;
    private long elapsedMs;
    private String clientIp;
    private String userAgent;
    private String guardVerdict;
    private String errorCode;
    private String piiColumns;
    private String detail;
    private String queryId;

    NewEntryBuilder(String tenantId, String correlationId, String subject, String kind, String outcome) {
        this.tenantId = tenantId;
        this.correlationId = correlationId;
        this.subject = subject;
        this.kind = kind;
        this.outcome = outcome;
    }

    NewEntryBuilder question(String question) {
        this.question = question;
        return this;
    }

    NewEntryBuilder sql(String sqlText) {
        this.sqlText = sqlText;
        return this;
    }

    NewEntryBuilder engine(String engine) {
        this.engine = engine;
        return this;
    }

    NewEntryBuilder rows(Integer rowCount) {
        this.rowCount = rowCount;
        return this;
    }

    NewEntryBuilder elapsedMs(long elapsedMs) {
        this.elapsedMs = elapsedMs;
        return this;
    }

    /** Where the request came from: the client's address and user agent. */
    NewEntryBuilder client(String clientIp, String userAgent) {
        this.clientIp = clientIp;
        this.userAgent = userAgent;
        return this;
    }

    NewEntryBuilder guardVerdict(String guardVerdict) {
        this.guardVerdict = guardVerdict;
        return this;
    }

    NewEntryBuilder errorCode(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    NewEntryBuilder piiColumns(String piiColumns) {
        this.piiColumns = piiColumns;
        return this;
    }

    NewEntryBuilder detail(String detail) {
        this.detail = detail;
        return this;
    }

    NewEntryBuilder queryId(String queryId) {
        this.queryId = queryId;
        return this;
    }

    AuditChain.NewEntry build() {
        return new AuditChain.NewEntry(tenantId, correlationId, subject, kind, question, sqlText, engine, outcome,
                rowCount, elapsedMs, clientIp, userAgent, guardVerdict, errorCode, piiColumns, detail, queryId);
    }
}
