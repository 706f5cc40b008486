package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The CRM adapter of each connected tenant, built on first use (nothing connects at start). */
@Component("crmAdapters")
public class CrmAdapters {
    private final CrmProperties properties;
    private final LimitsGovernor governor;
    private final ObjectMapper json;
    private final Map<String, CrmAdapter> adapters = new ConcurrentHashMap<>();
    private final Map<String, SalesforceClient> clients = new ConcurrentHashMap<>();

    CrmAdapters(CrmProperties properties, LimitsGovernor governor, ObjectMapper json) {
        this.properties = properties;
        this.governor = governor;
        this.json = json;
    }

    /** Tenants connected to a CRM org, for the schedules to iterate. */
    public Set<String> connectedTenants() {
        return new java.util.TreeSet<>(properties.orgs().keySet());
    }

    CrmAdapter forTenant(String tenant) {
        return adapters.computeIfAbsent(tenant, t -> new SalesforceAdapter(salesforce(t), governor, properties.sync()));
    }

    /** The tenant's signed-in transport, shared by its adapter and its change event listener. */
    SalesforceClient salesforce(String tenant) {
        return clients.computeIfAbsent(tenant, t -> {
            CrmProperties.Org org = properties.orgs().get(t);
            if (org == null) {
                throw new HubException(ErrorCode.NOT_FOUND, Phase.DELIVER, "tenant " + t + " has no CRM org");
            }
            return new SalesforceClient(t, org, properties.sync().queryBatchSize(), governor, json);
        });
    }

    /** Drops a tenant's signed-in session and adapter (after its configuration changed). */
    void reset(String tenant) {
        adapters.remove(tenant);
        clients.remove(tenant);
    }
}
