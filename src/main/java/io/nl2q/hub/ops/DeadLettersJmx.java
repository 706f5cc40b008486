package io.nl2q.hub.ops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.springframework.stereotype.Component;

/**
 * Registers the dead-letter store in the platform MBean server, which Jolokia (and so Hawtio) reads: operators see
 * parked deliveries beside the Camel routes that parked them. Access is Hawtio's and Jolokia's: operators only.
 * The MXBean is a separate object, not this Spring bean: Spring's JMX exporter, where enabled, registers every bean
 * that is itself an MXBean a second time, and an MXBean may be registered once only.
 */
@Component
class DeadLettersJmx {
    static final String NAME = "io.nl2q.hub:type=DeadLetters";
    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;
    /**
     * The live registrants in this JVM, newest first: several application contexts in one JVM (tests, replicas) share
     * the platform MBean server; the newest one answers, and closing it must not take the name from the others.
     */
    private static final Deque<DeadLettersJmx> LIVE = new ArrayDeque<>();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    DeadLettersJmx(DeadLetterStore store, DeadLetterReplayer replayer) {
        this.store = store;
        this.replayer = replayer;
    }

    @PostConstruct
    void register() throws JMException {
        synchronized (LIVE) {
            LIVE.push(this);
            show(this);
        }
    }

    @PreDestroy
    void unregister() throws JMException {
        synchronized (LIVE) {
            boolean shown = LIVE.peek() == this;
            LIVE.remove(this);
            if (!shown) {
                return;
            }
            if (LIVE.isEmpty()) {
                ObjectName name = new ObjectName(NAME);
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } else {
                show(LIVE.peek());
            }
        }
    }

    /** Registers the given context's view; a context that closes gives the name back to the one before it. */
    private static void show(DeadLettersJmx owner) throws JMException {
        ObjectName name = new ObjectName(NAME);
        if (owner.server.isRegistered(name)) {
            owner.server.unregisterMBean(name);
        }
        owner.server.registerMBean(owner.new View(), name);
    }

    /** What Hawtio shows. */
    private final class View implements DeadLettersMXBean {
        @Override
        public int getCount() {
            return getCountsByRoute().values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public Map<String, Integer> getCountsByRoute() {
            return store.countsByRoute();
        }

        @Override
        public List<DeadLetterView> list(String routeId, int limit) {
            return store.list(routeId == null || routeId.isBlank() ? null : routeId.trim(), Math.min(limit, 500))
                    .stream().map(DeadLetterView::new).toList();
        }

        @Override
        public DeadLetterView replay(long id) {
            return new DeadLetterView(replayer.replay(id));
        }
    }
}
