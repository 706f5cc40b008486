package io.nl2q.hub.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.cluster}: how replicas share leadership of the once-per-cluster consumers. {@code member-id} names this
 * replica (the pod or host name, HUB_INSTANCE_ID in prod; host name and a random suffix by default). A leader renews
 * its lease every {@code heartbeat}; a lease not renewed for {@code lease} is free, so a replica that dies is
 * replaced within {@code lease + heartbeat}, one that stops within {@code heartbeat}.
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(String memberId, Duration lease, Duration heartbeat) {
    public ClusterProperties {
        memberId = memberId == null || memberId.isBlank() ? defaultMemberId() : memberId;
        lease = lease == null ? Duration.ofSeconds(15) : lease;
        heartbeat = heartbeat == null ? Duration.ofSeconds(3) : heartbeat;
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("hub.cluster.heartbeat must be positive and shorter than the lease");
        }
    }

    private static String defaultMemberId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "hub";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
