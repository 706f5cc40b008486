package io.nl2q.hub.cluster;

import io.nl2q.hub.HubApplication;
import io.nl2q.hub.HubHttp;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One hub replica started in the test JVM: the whole application (config/application.yaml, every route) on a port
 * of its own, with the app state, the Kafka broker and the BOAST folders the test gives it. The test sources'
 * components (the shared test context's broker and stubs) are left out, as they would be in a deployed jar.
 */
final class Replica implements AutoCloseable {
    final String name;
    final ConfigurableApplicationContext context;
    final HubHttp http;

    private Replica(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.http = new HubHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static Replica start(String name, Map<String, Object> shared) {
        Map<String, Object> own = new HashMap<>(shared);
        own.put("server.port", "0");
        own.put("camel.main.name", name);
        own.put("spring.jmx.unique-names", "true");
        // Quartz keeps its data sources JVM-wide by scheduler name: the replicas' cluster gets its own name, so
        // closing a replica never closes the data source of the suite's shared context (which clusters on H2)
        own.put("spring.quartz.scheduler-name", "nl2q-replicas");
        own.put("spring.datasource.hikari.pool-name", "state-" + name);
        own.put("hub.cluster.member-id", name);
        own.put("hub.warehouse.data-dir", "target/test-data/" + name + "/warehouse");
        own.put("hub.boast.work-dir", "target/test-data/" + name + "/boast-work");
        own.put("hub.boast.sftp.host-key", "target/test-data/" + name + "/boast-work/sftp-host.key");
        String kafka = (String) shared.get("test.kafka.brokers");
        own.put("hub.query.cache.events-uri", "kafka:nl2q.hub-events?brokers=" + kafka + "&groupId=nl2q-cache-" + name
                + "&autoOffsetReset=earliest");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("replicaTypeExcludes", new MainOnly()))
                .run(own.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new)); // arguments outrank config/application.yaml, default properties not
        return new Replica(name, context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CamelContext camel() {
        return context.getBean(CamelContext.class);
    }

    boolean routeStarted(String routeId) {
        return context.isActive() && camel().getRouteController().getRouteStatus(routeId).isStarted();
    }

    /** Exchanges the route completed on this replica so far. */
    long exchanges(String routeId) {
        ManagedRouteMBean route = camel().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute(routeId);
        return route == null ? 0 : route.getExchangesTotal();
    }

    @Override
    public void close() {
        context.close();
    }

    /** Leaves out classes compiled from the test sources. */
    static final class MainOnly extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MainOnly;
        }

        @Override
        public int hashCode() {
            return MainOnly.class.hashCode();
        }
    }
}
