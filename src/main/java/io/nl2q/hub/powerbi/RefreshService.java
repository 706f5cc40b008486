package io.nl2q.hub.powerbi;

import io.micrometer.core.instrument.MeterRegistry;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The refresh steps of routes powerbi-refresh (post) and powerbi-refresh-follow (poll, resume): one configured
 * import-mode dataset, one step of it at a time. Also the operator API's view of refreshes, per tenant.
 */
@Component("refreshService")
public class RefreshService {
    private final RefreshProperties properties;
    private final RefreshTrigger trigger;
    private final Map<String, ReentrantLock> steps = new ConcurrentHashMap<>();

    RefreshService(RefreshProperties properties, PushProperties api, JdbcTemplate jdbc, StoppableClock clock,
                   MeterRegistry meters) {
        this.properties = properties;
        this.trigger = new RefreshTrigger(new PowerBiApi(api, clock), properties, jdbc, clock, meters);
    }

    /** Posts the dataset's refresh (route powerbi-refresh); the status it is in afterwards. */
    public String refresh(String datasetName) throws InterruptedException {
        return step(datasetName, true);
    }

    /** Moves the dataset's open refresh on (route powerbi-refresh-follow). */
    public String follow(String datasetName) throws InterruptedException {
        return step(datasetName, false);
    }

    /** Datasets whose refresh is due for a step. */
    public List<String> due() {
        return trigger.due().stream().filter(d -> properties.datasets().stream().anyMatch(c -> c.name().equals(d)))
                .toList();
    }

    /** The refresh the operator asks for: the dataset's open one, or a new queued one; the caller's tenant's only. */
    public RefreshTrigger.Refresh request(Caller caller, String datasetName) {
        String tenant = PushService.authorize(caller);
        RefreshProperties.Dataset dataset = properties.datasets().stream().filter(d -> d.name().equals(datasetName)
                && tenant.equals(d.tenant())).findFirst().orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                Phase.DELIVER, "no Power BI refresh dataset " + datasetName));
        return trigger.request(dataset, caller.subject());
    }

    /** The caller's tenant's latest refreshes, newest first. */
    public List<RefreshTrigger.Refresh> recent(Caller caller, Integer limit) {
        return trigger.recent(PushService.authorize(caller), limit == null ? 20 : Math.max(1, Math.min(200, limit)));
    }

    /** The tenant of a dataset, for the dead-letter entry; null for an unknown one. */
    public String tenantOf(String datasetName) {
        return properties.datasets().stream().filter(d -> d.name().equals(datasetName))
                .map(RefreshProperties.Dataset::tenant).findFirst().orElse(null);
    }

    private String step(String datasetName, boolean post) throws InterruptedException {
        RefreshProperties.Dataset dataset = properties.dataset(datasetName);
        ReentrantLock lock = steps.computeIfAbsent(datasetName, d -> new ReentrantLock());
        if (!lock.tryLock()) {
            return "BUSY";
        }
        try {
            return post ? trigger.refresh(dataset) : trigger.follow(dataset);
        } finally {
            lock.unlock();
        }
    }
}
