package io.nl2q.hub.cluster;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease cluster service in Camel, and the route policies of the once-per-cluster consumers:
 * {@code routePolicy: crmLeader} on a route makes it run on the replica leading namespace {@value #CRM} only;
 * {@code boastLeader} the same for namespace {@value #BOAST} (the partner-file poller: two replicas polling one SFTP
 * folder would both load a file, since its idempotency key is recorded only after the load committed).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfig {
    static final String CRM = "crm";
    static final String BOAST = "boast";

    @Bean
    LeaseClusterService leaseClusterService(JdbcTemplate jdbc, ClusterProperties properties) {
        return new LeaseClusterService(new Leases(jdbc), properties);
    }

    @Bean
    CamelContextConfiguration leaseClusterServiceInCamel(LeaseClusterService service) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    context.addService(service, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the cluster service to Camel", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }

    @Bean
    ClusteredRoutePolicy crmLeader(LeaseClusterService service) throws Exception {
        return leaderOf(service, CRM);
    }

    @Bean
    ClusteredRoutePolicy boastLeader(LeaseClusterService service) throws Exception {
        return leaderOf(service, BOAST);
    }

    /** Runs a route on the replica leading the namespace, started at once when leadership is taken. */
    private static ClusteredRoutePolicy leaderOf(LeaseClusterService service, String namespace) throws Exception {
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(service, namespace);
        policy.setInitialDelay(Duration.ZERO);
        return policy;
    }

    @Bean
    SharedBuckets sharedBuckets(JdbcTemplate jdbc) {
        return new SharedBuckets(jdbc);
    }

    @Bean
    Leadership leadership(LeaseClusterService service) {
        return new Leadership(service);
    }
}
