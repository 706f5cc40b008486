package io.nl2q.hub.powerbi;

import io.nl2q.hub.audit.AuditTrail;
import io.nl2q.hub.guard.GuardedSql;
import io.nl2q.hub.pipeline.GuardStep;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CorrelationIds;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * One audit row per Power BI push run: the binding's saved SQL, the PII columns it reads, the rows sent and how the
 * run ended ({@code ANSWERED} once rows were read, otherwise the run's status). A push reads its rows in many guarded
 * batches of the same SQL; the row stands for all of them.
 */
@Component
class PushAudit {
    private static final Logger log = LoggerFactory.getLogger(PushAudit.class);
    private final AuditTrail audit;
    private final GuardStep guard;
    private final WarehouseRegistry warehouses;

    PushAudit(AuditTrail audit, GuardStep guard, WarehouseRegistry warehouses) {
        this.audit = audit;
        this.guard = guard;
        this.warehouses = warehouses;
    }

    /** @param sql the binding's saved SQL, or null when it could not be had (the run then failed before reading) */
    void record(Caller caller, String binding, String sql, String status, long rows, long startedMillis) {
        String purpose = "powerbi-push:" + binding;
        try {
            GuardedSql guarded = sql == null ? null
                    : guard.guard(sql, warehouses.forTenant(caller.tenant().id()), 1);
            audit.read(caller, purpose, guarded == null ? sql : guarded.sql(),
                    guarded == null ? Set.of() : guarded.tables(), rows,
                    Math.max(0, System.currentTimeMillis() - startedMillis),
                    rows > 0 || "DONE".equals(status) ? "ANSWERED" : status,
                    CorrelationIds.accept(MDC.get("correlationId")));
        } catch (RuntimeException e) {
            // the push itself is settled; the gap in the trail is logged for the operator
            log.error("could not audit {} ({} rows, {})", purpose, rows, status, e);
        }
    }
}
