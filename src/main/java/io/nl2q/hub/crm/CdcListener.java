package io.nl2q.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.cluster.Leadership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Near-real-time inbound sync (route crm-veeva-cdc): one listener thread per tenant on the org's change event
 * channels. Each event's ChangeEventHeader is applied to the warehouse through {@link InboundSync#applyChange}, then
 * its replay id is recorded, so a restart resumes after the last applied event: nothing is lost, and an event applied
 * but not yet recorded is applied again harmlessly. A replay id the org no longer keeps means events were missed:
 * the listener subscribes for new events and runs a full reconciliation. The scheduled pull stays the safety net.
 * Once per cluster: the route runs on the replica leading namespace {@code crm} (route policy crmLeader), and every
 * listener of this replica stops when it loses that leadership, so the new leader's listeners take over.
 */
@Component("cdcListener")
public class CdcListener implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(CdcListener.class);
    private final CrmAdapters adapters;
    private final InboundSync inbound;
    private final SyncState state;
    private final CrmProperties properties;
    private final ObjectMapper json;
    private final Map<String, Thread> listeners = new ConcurrentHashMap<>();

    CdcListener(CrmAdapters adapters, InboundSync inbound, SyncState state, CrmProperties properties,
                ObjectMapper json, Leadership leadership) {
        this.adapters = adapters;
        this.inbound = inbound;
        this.state = state;
        this.properties = properties;
        this.json = json;
        leadership.onLoss(LEADERSHIP, this::stopAll);
    }

    /** The cluster namespace whose leader runs the CRM timers and change event listeners. */
    public static final String LEADERSHIP = "crm";

    /** The tenants whose listener runs on this replica. */
    public java.util.Set<String> listening() {
        return listeners.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Stops every listener of this replica (leadership lost, or shutting down). */
    public void stopAll() {
        new ArrayList<>(listeners.keySet()).forEach(this::stop);
    }

    /** Starts the tenant's listener unless it runs already. */
    public synchronized String start(String tenant) {
        Thread running = listeners.get(tenant);
        if (running != null && running.isAlive()) {
            return "running";
        }
        CometdClient cometd = new CometdClient(adapters.salesforce(tenant), properties.orgs().get(tenant).apiVersion(),
                json);
        Thread t = new Thread(() -> listen(tenant, cometd), "crm-cdc-" + tenant);
        t.setDaemon(true);
        listeners.put(tenant, t);
        t.start();
        return "started";
    }

    /** Stops the tenant's listener, abandoning its pending long poll. */
    public synchronized void stop(String tenant) {
        Thread t = listeners.remove(tenant);
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        stopAll();
    }

    private void listen(String tenant, CometdClient cometd) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                cometd.handshake();
                subscribe(tenant, cometd);
                while (!Thread.currentThread().isInterrupted()) {
                    for (CometdClient.Event event : cometd.connect()) {
                        apply(tenant, event);
                    }
                }
            } catch (CometdClient.Rehandshake e) {
                log.info("CRM change events of {}: handshaking again ({})", tenant, e.getMessage());
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                log.warn("CRM change events of {}: {}; reconnecting in {}", tenant, e.toString(),
                        properties.cdc().retryDelay());
                try {
                    Thread.sleep(properties.cdc().retryDelay().toMillis());
                } catch (InterruptedException stop) {
                    break;
                }
            }
        }
    }

    private void subscribe(String tenant, CometdClient cometd) {
        List<String> gaps = new ArrayList<>();
        for (String channel : properties.cdc().channels()) {
            long replayId = state.replayId(tenant, channel).orElse(-1L);
            try {
                cometd.subscribe(channel, replayId);
            } catch (CometdClient.InvalidReplay e) {
                log.warn("CRM change events of {} on {}: {}; full reconciliation", tenant, channel, e.getMessage());
                state.forgetReplay(tenant, channel);
                cometd.subscribe(channel, -1);
                gaps.add(channel);
            }
        }
        if (!gaps.isEmpty()) {
            // subscribed first, so changes made during the reconciliation arrive as events afterwards
            log.info("CRM change events of {}: reconciled after a replay gap on {}: {}", tenant, gaps,
                    inbound.reconcileFully(tenant));
        }
    }

    private void apply(String tenant, CometdClient.Event event) {
        JsonNode header = event.payload().path("ChangeEventHeader");
        List<String> ids = new ArrayList<>();
        header.path("recordIds").forEach(id -> ids.add(id.asText()));
        inbound.applyChange(tenant, header.path("entityName").asText(), header.path("changeType").asText(), ids);
        state.replayed(tenant, event.channel(), event.replayId());
    }
}
