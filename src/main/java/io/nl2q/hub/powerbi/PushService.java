package io.nl2q.hub.powerbi;

import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantRef;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The push step of route powerbi-push: one configured binding, its saved question read from its tenant. */
@Component("powerbiPush")
public class PushService {
    private final PushProperties properties;
    private final PushJob job;
    private final SavedQuestions saved;
    private final FeedCatalog catalog;
    private final FeedQueries queries;
    private final WarehouseRegistry warehouses;

    PushService(PushProperties properties, JdbcTemplate jdbc, SavedQuestions saved, FeedCatalog catalog,
                FeedQueries queries, WarehouseRegistry warehouses) {
        this.properties = properties;
        PowerBiApi api = new PowerBiApi(properties, PushClock.SYSTEM);
        this.job = new PushJob(api, new PushLimiter(properties.postsPerMinute(), properties.rowsPerHour(),
                properties.maxPending(), PushClock.SYSTEM), new PushRuns(jdbc), properties);
        this.saved = saved;
        this.catalog = catalog;
        this.queries = queries;
        this.warehouses = warehouses;
    }

    /** Pushes the binding's rows; resumes its open push if the hub stopped during one. */
    public PushJob.Outcome push(String bindingName) throws InterruptedException {
        return job.push(properties.binding(bindingName), this::source);
    }

    /** The tenant of a binding, for the dead-letter entry; null for an unknown binding. */
    public String tenantOf(String bindingName) {
        return properties.bindings().stream().filter(b -> b.name().equals(bindingName))
                .map(PushProperties.Binding::tenant).findFirst().orElse(null);
    }

    PushSource source(PushProperties.Binding binding) {
        TenantRef tenant = warehouses.forTenant(binding.tenant()).tenant();
        Caller caller = new Caller(tenant, "powerbi-push:" + binding.name(), Set.of(Role.INTEGRATION));
        return new SavedQuestionSource(caller, catalog.savedSql(caller, saved.get(binding.tenant(),
                binding.savedQuestion())), queries);
    }
}
