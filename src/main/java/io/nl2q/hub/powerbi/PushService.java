package io.nl2q.hub.powerbi;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The push step of route powerbi-push: one configured binding, its saved question read from its tenant; one push per
 * binding at a time (others run beside it). Also the operator API's view of pushes, per tenant.
 */
@Component("pushService")
public class PushService {
    private final PushProperties properties;
    private final PushJob job;
    private final PushRuns runs;
    private final PushClock clock;
    private final SavedQuestions saved;
    private final FeedCatalog catalog;
    private final FeedQueries queries;
    private final WarehouseRegistry warehouses;
    private final PushAudit audit;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    PushService(PushProperties properties, JdbcTemplate jdbc, StoppableClock clock, SavedQuestions saved,
                FeedCatalog catalog, FeedQueries queries, WarehouseRegistry warehouses, PushAudit audit) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.runs = new PushRuns(jdbc);
        this.job = new PushJob(new PowerBiApi(properties, clock), new PushLimiter(properties.postsPerMinute(),
                properties.rowsPerHour(), properties.maxPending(), clock, new PushPostLog(jdbc)), runs, properties,
                clock);
        this.saved = saved;
        this.catalog = catalog;
        this.queries = queries;
        this.warehouses = warehouses;
    }

    /** A push as the operator API shows it. */
    public record Run(long runId, String tenant, String binding, String mode, String status, String datasetId,
                      long rows, int batches, long stringsCut, int reloads, Instant startedAt, Instant finishedAt,
                      Instant resumeAt, String message, String requestedBy) {
        static Run of(PushRuns.Run r) {
            return new Run(r.id(), r.tenant(), r.bindingName(), r.mode().name(), r.status(), r.datasetId(),
                    r.rowsSent(), r.batchesSent(), r.stringsCut(), r.reloads(), r.startedAt(), r.finishedAt(),
                    r.resumeAt(), r.message(), r.requestedBy());
        }
    }

    /** Pushes the binding's rows; resumes its open push if there is one. A push of it already running: BUSY. */
    public PushJob.Outcome push(String bindingName) throws InterruptedException {
        PushProperties.Binding binding = properties.binding(bindingName);
        ReentrantLock lock = running.computeIfAbsent(bindingName, b -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new PushJob.Outcome(-1, "BUSY", null, false, false, 0, 0, 0, 0, false, null,
                    "a push of " + bindingName + " is running");
        }
        long started = System.currentTimeMillis();
        PushJob.Outcome outcome = null;
        SavedQuestionSource[] read = {null}; // the source the push read, so its SQL is audited as it ran
        try {
            outcome = job.push(binding, b -> read[0] = source(b));
            return outcome;
        } finally {
            lock.unlock();
            audit.record(caller(binding), bindingName, read[0] == null ? null : read[0].sql(),
                    outcome == null ? "FAILED" : outcome.status(), outcome == null ? 0 : outcome.rows(), started);
        }
    }

    /** The push the operator asks for: the binding's open one, or a new one; the caller's tenant's bindings only. */
    public Run request(Caller caller, String bindingName) {
        PushProperties.Binding binding = properties.bindings().stream().filter(b -> b.name().equals(bindingName)
                && b.tenant().equals(authorize(caller))).findFirst().orElseThrow(() -> new HubException(
                ErrorCode.NOT_FOUND, Phase.DELIVER, "no Power BI push binding " + bindingName));
        return Run.of(runs.open(binding.name()).orElseGet(() -> runs.start(binding.tenant(), binding.name(),
                binding.tableName(), binding.mode(), caller.subject())));
    }

    /** The caller's tenant's latest pushes, newest first. */
    public List<Run> recent(Caller caller, Integer limit) {
        return runs.recent(authorize(caller), limit == null ? 20 : Math.max(1, Math.min(200, limit))).stream()
                .map(Run::of).toList();
    }

    /** Bindings whose push waits for a time that has come (route powerbi-push-resume). */
    public List<String> due() {
        return runs.due(clock.now()).stream().filter(b -> properties.bindings().stream()
                .anyMatch(c -> c.name().equals(b))).toList();
    }

    /**
     * Why what route powerbi-push returned is not a finished push, or null when it is one (DONE): a push that waits
     * (Retry-After, the row budget), was stopped or busy, or was parked in the dead-letter store (then the route
     * returns the original message, not an outcome). A report run reads it so a parked push is never "delivered".
     */
    public static String unfinished(Object returned) {
        if (returned instanceof PushJob.Outcome outcome) {
            return "DONE".equals(outcome.status()) ? null : "the Power BI push is " + outcome.status()
                    + (outcome.resumeAt() == null ? "" : " until " + outcome.resumeAt())
                    + (outcome.warning() == null ? "" : ": " + outcome.warning());
        }
        return "the Power BI push was parked in the dead-letter store";
    }

    /** The tenant of a binding, for the dead-letter entry; null for an unknown binding. */
    public String tenantOf(String bindingName) {
        return properties.bindings().stream().filter(b -> b.name().equals(bindingName))
                .map(PushProperties.Binding::tenant).findFirst().orElse(null);
    }

    static String authorize(Caller caller) {
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.INTEGRATION)) {
            throw new HubException(ErrorCode.FORBIDDEN, Phase.AUTHENTICATE,
                    "Power BI runs need the operator or integration role");
        }
        return caller.tenant().id();
    }

    SavedQuestionSource source(PushProperties.Binding binding) {
        Caller caller = caller(binding);
        return new SavedQuestionSource(caller, catalog.savedSql(caller, saved.get(binding.tenant(),
                binding.savedQuestion())), queries);
    }

    private Caller caller(PushProperties.Binding binding) {
        TenantRef tenant = warehouses.forTenant(binding.tenant()).tenant();
        return new Caller(tenant, "powerbi-push:" + binding.name(), Set.of(Role.INTEGRATION));
    }
}
