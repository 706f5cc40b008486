package io.nl2q.hub.boast;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.ops.DeadLetterStore;
import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inbound route's load of one file: the loader's work, counted, with a limit on files that keep failing.
 * A failure that is not the file's (the warehouse down or unreachable) leaves the file in the outbox for the next
 * poll, as often as it takes. Any other failure is counted per file in app state; after
 * {@code hub.boast.max-load-attempts} the file is set aside: moved to the error folder, the partner told that it
 * was not loaded, and the cause parked in the dead-letter store for operators (REST API and Hawtio).
 */
@Component("inboundLoads")
public class InboundLoads {
    private static final Logger LOG = LoggerFactory.getLogger(InboundLoads.class);
    private final BoastLoader loader;
    private final LoadAttempts attempts;
    private final DeadLetterStore deadLetters;
    private final BoastProperties properties;
    private final MeterRegistry meters;

    InboundLoads(BoastLoader loader, LoadAttempts attempts, DeadLetterStore deadLetters, BoastProperties properties,
                 MeterRegistry meters) {
        this.loader = loader;
        this.attempts = attempts;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
    }

    public LoadOutcome load(InboundFile file) {
        Timer.Sample sample = Timer.start(meters);
        LoadOutcome outcome;
        try {
            outcome = loader.load(file);
            attempts.clear(file);
        } catch (RuntimeException e) {
            if (waitsForTheWarehouse(e)) {
                throw e;
            }
            int failures = attempts.failed(file, e);
            if (failures < properties.maxLoadAttempts()) {
                LOG.warn("BOAST file {} of tenant {} failed to load (attempt {} of {}); it stays in the outbox",
                        file.name(), file.tenant(), failures, properties.maxLoadAttempts());
                throw e;
            }
            outcome = setAside(file, failures, e);
        }
        String contract = outcome.contract() == null ? "none" : outcome.contract();
        sample.stop(Timer.builder("hub.boast.load").description("Partner file loads, from parse to commit")
                .tags("tenant", file.tenant(), "contract", contract, "status", outcome.status().name())
                .register(meters));
        rows(file, contract, "loaded").increment(outcome.rowsLoaded());
        rows(file, contract, "refused").increment(outcome.badRows());
        return outcome;
    }

    private LoadOutcome setAside(InboundFile file, int failures, RuntimeException cause) {
        LOG.error("BOAST file {} of tenant {} failed to load {} times: set aside in the error folder, cause parked",
                file.name(), file.tenant(), failures, cause);
        deadLetters.park("boast-inbound", file.relativePath(), cause,
                Map.of(DeadLetterStore.TENANT, file.tenant()), file.relativePath());
        attempts.clear(file);
        // the partner learns that the file was not loaded, not the hub's internals
        return loader.setAside(file, "not loaded: the hub failed to load this file " + failures
                + " times; its operators have the cause");
    }

    private Counter rows(InboundFile file, String contract, String outcome) {
        return Counter.builder("hub.boast.rows").description("Partner file rows, loaded or refused")
                .tags("tenant", file.tenant(), "contract", contract, "outcome", outcome).register(meters);
    }

    private static boolean waitsForTheWarehouse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t instanceof HubException h && h.code() == ErrorCode.WAREHOUSE_UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }
}
