package io.nl2q.hub.audit;

import io.nl2q.hub.errors.ApiError;
import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.ClientInfo;
import io.nl2q.hub.security.PlatformOperatorAuthentication;
import io.nl2q.hub.security.SecurityAudit;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * One chained row per question or SQL request, answered or refused, and per security event, bound to its tenant.
 * Answers are recorded by wire-taps of the API routes so recording never slows an answer down; refusals by the
 * shared error handler.
 */
@Component("auditTrail")
public class AuditTrail implements SecurityAudit {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private final AuditChain chain;
    private final PiiColumns pii;
    private final PlatformAudit platform;

    AuditTrail(AuditChain chain, PiiColumns pii, PlatformAudit platform) {
        this.chain = chain;
        this.pii = pii;
        this.platform = platform;
    }

    /**
     * An answered request: a question, an analyst's SQL, or a feature's read ({@code kind} {@code read}, its
     * {@code purpose} in the detail column).
     *
     * @param correlationId the request's trace id; the answer's own {@code queryId} is recorded beside it
     */
    public void answered(Caller caller, String kind, QueryAnswer answer, GuardedSql guarded, ClientInfo client,
                         String correlationId, String purpose) {
        ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
        chain.append(AuditChain.NewEntry.of(caller.tenant().id(),
                        correlationId == null ? answer.queryId() : correlationId, caller.subject(), kind, "ANSWERED")
                .question(clip(answer.question(), 4000))
                .sql(clip(answer.sql(), 20000))
                .engine(answer.engine())
                .rows(answer.rowCount())
                .elapsedMs(answer.elapsedMs())
                .client(from.ip(), from.userAgent())
                .guardVerdict(verdict(guarded))
                .piiColumns(guarded == null ? null : pii.read(guarded.sql(), guarded.tables()))
                .detail(clip(purpose, 1000))
                .queryId(answer.queryId())
                .build());
    }

    /**
     * A read that is not one answer: a Power BI push sends the rows of many guarded reads of one SQL text.
     *
     * @param tables the tables the guard bound the SQL to (for the PII columns read)
     * @param outcome {@code ANSWERED} when rows were read and sent, otherwise the push's status
     */
    public void read(Caller caller, String purpose, String sql, java.util.Set<String> tables, long rows,
                     long elapsedMs, String outcome, String correlationId) {
        chain.append(AuditChain.NewEntry.of(caller.tenant().id(), correlationId, caller.subject(), "read", outcome)
                .sql(clip(sql, 20000))
                .rows((int) Math.min(Integer.MAX_VALUE, rows))
                .elapsedMs(elapsedMs)
                .piiColumns(pii.read(sql, tables))
                .detail(clip(purpose, 1000))
                .build());
    }

    /**
     * A request refused after authentication; unauthenticated requests never reach a route and have no tenant.
     *
     * @param guarded what the guard passed, when the refusal came later (null when it came earlier or from it)
     */
    public void refused(Caller caller, String kind, String question, GuardedSql guarded, ApiError error,
                        ClientInfo client, Date startedAt) {
        ApiError.Body body = error.payload().get("error");
        if (caller == null) {
            // a platform operator's refusal (on the ops routes) goes to the platform's chain
            if (SecurityContextHolder.getContext().getAuthentication() instanceof PlatformOperatorAuthentication op) {
                try {
                    platform.record(op.getPrincipal(), kind == null ? "request" : kind, "REFUSED",
                            body.code() + ": " + body.message(), body.correlationId(), client);
                } catch (RuntimeException e) {
                    log.error("could not audit refusal {} [{}]", body.code(), body.correlationId(), e);
                }
            }
            return;
        }
        String verdict = guarded != null ? verdict(guarded)
                : "guard".equals(body.phase()) ? "REJECTED: " + body.message() : null;
        ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
        long elapsed = startedAt == null ? 0 : Math.max(0, System.currentTimeMillis() - startedAt.getTime());
        try {
            chain.append(AuditChain.NewEntry.of(caller.tenant().id(), body.correlationId(), caller.subject(),
                            kind == null ? "request" : kind, "REFUSED")
                    .question(clip(question, 4000))
                    .sql(guarded == null ? null : clip(guarded.sql(), 20000))
                    .elapsedMs(elapsed)
                    .client(from.ip(), from.userAgent())
                    .guardVerdict(clip(verdict, 1000))
                    .errorCode(body.code())
                    .detail(clip(body.message(), 1000))
                    .build());
        } catch (RuntimeException e) {
            // the caller still gets their error response; the audit gap is logged for the operator
            log.error("could not audit refusal {} [{}]", body.code(), body.correlationId(), e);
        }
    }

    /**
     * A read of warehouse data by a feature outside the question routes (the OData feed): one row per request,
     * answered or refused, with the PII columns among those it returned. A failure to record is logged, not thrown:
     * the response has been written.
     */
    public void read(Caller caller, DataRead read, ClientInfo client) {
        ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
        try {
            chain.append(AuditChain.NewEntry.of(caller.tenant().id(), read.correlationId(), caller.subject(),
                            read.kind(), read.answered() ? "ANSWERED" : "REFUSED")
                    .question(clip(read.request(), 4000))
                    .sql(clip(read.sql(), 20000))
                    .rows(read.rowCount())
                    .elapsedMs(read.elapsedMs())
                    .client(from.ip(), from.userAgent())
                    .errorCode(read.errorCode())
                    .piiColumns(read.answered() ? pii.returned(read.columnsReturned()) : null)
                    .detail(clip(read.detail(), 1000))
                    .build());
        } catch (RuntimeException e) {
            log.error("could not audit the {} read [{}]", read.kind(), read.correlationId(), e);
        }
    }

    /** A security event of a known tenant: key issued or revoked, access forbidden, rate limited. */
    @Override
    public void securityEvent(Caller caller, String event, String correlationId, String detail, ClientInfo client) {
        ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
        chain.append(AuditChain.NewEntry.of(caller.tenant().id(), correlationId, caller.subject(), "security", event)
                .client(from.ip(), from.userAgent())
                .detail(clip(detail, 1000))
                .build());
    }

    private static String verdict(GuardedSql guarded) {
        return guarded == null ? null : clip("PASSED tables=" + new java.util.TreeSet<>(guarded.tables())
                + " limit=" + guarded.rowLimit(), 1000);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
