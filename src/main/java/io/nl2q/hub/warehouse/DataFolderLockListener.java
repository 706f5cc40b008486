package io.nl2q.hub.warehouse;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Claims the data folder ({@link DataFolderLock}) as soon as the configuration is read, before any bean opens the
 * app-state database or a warehouse file, and gives it back when the context closes. Registered in
 * {@code META-INF/spring.factories}, so every start of the hub runs it, tests included.
 */
public final class DataFolderLockListener implements GenericApplicationListener {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLockListener.class);
    private DataFolderLock lock;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ContextClosedEvent.class.isAssignableFrom(type) || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            Path folder = Path.of(prepared.getEnvironment().getProperty("hub.warehouse.data-dir", "data/warehouse"));
            lock = DataFolderLock.acquire(folder);
            DataFolderLock.takenOverFrom(folder).ifPresent(pid -> LOG.warn(
                    "took over the data folder {} from pid {}, which is no longer running", lock.folder(), pid));
        } else if (lock != null) {
            lock.close();
        }
    }

    /** After the configuration listeners, which it reads the data folder from. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
