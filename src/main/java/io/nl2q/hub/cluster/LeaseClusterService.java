package io.nl2q.hub.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A Camel cluster service whose leadership is a lease in the app-state database ({@link Leases}): the hub needs no
 * ZooKeeper, Consul or Kubernetes API for it. A route with a {@code ClusteredRoutePolicy} of a namespace runs on the
 * one replica holding that namespace's lease. Every {@code heartbeat} each view renews its lease or tries to take a
 * free one; a leader that could not renew for a whole lease (the database unreachable) steps down before another
 * member can take over, so two leaders never overlap while the database's clock holds.
 */
public final class LeaseClusterService extends AbstractCamelClusterService<LeaseClusterService.View> {
    private static final Logger log = LoggerFactory.getLogger(LeaseClusterService.class);
    private final Leases leases;
    private final ClusterProperties properties;
    private final List<View> views = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heartbeats;

    LeaseClusterService(Leases leases, ClusterProperties properties) {
        super("hub-lease");
        this.leases = leases;
        this.properties = properties;
    }

    /** This replica's name in the leases. */
    public String memberId() {
        return properties.memberId();
    }

    @Override
    protected void doStart() throws Exception {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-lease-" + properties.memberId());
            t.setDaemon(true);
            return t;
        });
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(() -> views.forEach(View::heartbeat), 0, period, TimeUnit.MILLISECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats.awaitTermination(5, TimeUnit.SECONDS);
        }
        views.forEach(View::resign);
    }

    @Override
    protected View createView(String namespace) {
        View view = new View(namespace);
        views.add(view);
        return view;
    }

    /** One namespace's leadership as this replica sees it. */
    public final class View extends AbstractCamelClusterView {
        private final Member local = new Member(properties.memberId(), true);
        private volatile boolean running;
        private volatile boolean leader;
        private volatile String holder;
        private long renewedAt;

        View(String namespace) {
            super(LeaseClusterService.this, namespace);
        }

        @Override
        protected void doStart() {
            running = true;
            if (heartbeats != null) {
                heartbeats.execute(this::heartbeat);
            }
        }

        @Override
        protected void doStop() {
            running = false;
            resign();
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            String h = holder;
            if (h == null) {
                return Optional.empty();
            }
            return Optional.of(h.equals(local.getId()) ? local : new Member(h, false));
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return getLeader().filter(m -> !m.isLocal()).map(m -> List.<CamelClusterMember>of(local, m))
                    .orElse(List.of(local));
        }

        synchronized void heartbeat() {
            if (!running) {
                return;
            }
            try {
                String nowHolder = leases.take(getNamespace(), local.getId(), properties.lease()).orElse(null);
                boolean holds = local.getId().equals(nowHolder);
                if (holds) {
                    renewedAt = System.nanoTime();
                }
                update(holds, nowHolder);
            } catch (DataAccessException e) {
                long sinceRenewal = System.nanoTime() - renewedAt;
                log.warn("Cluster lease {}: {}", getNamespace(), e.getMessage());
                if (leader && sinceRenewal >= properties.lease().minus(properties.heartbeat()).toNanos()) {
                    update(false, null);
                }
            }
        }

        synchronized void resign() {
            if (leader) {
                try {
                    leases.release(getNamespace(), local.getId());
                } catch (DataAccessException e) {
                    log.warn("Cluster lease {} not released, it expires by itself: {}", getNamespace(),
                            e.getMessage());
                }
                update(false, null);
            }
        }

        private void update(boolean nowLeader, String nowHolder) {
            boolean changed = nowLeader != leader || !java.util.Objects.equals(nowHolder, holder);
            leader = nowLeader;
            holder = nowHolder;
            if (changed) {
                log.info("Cluster lease {}: leader {} (this replica {} {})", getNamespace(), nowHolder,
                        local.getId(), nowLeader ? "leads" : "follows");
                fireLeadershipChangedEvent(getLeader());
            }
        }

        private final class Member implements CamelClusterMember {
            private final String id;
            private final boolean isLocal;

            Member(String id, boolean isLocal) {
                this.id = id;
                this.isLocal = isLocal;
            }

            @Override
            public String getId() {
                return id;
            }

            @Override
            public boolean isLeader() {
                return isLocal ? leader : id.equals(holder);
            }

            @Override
            public boolean isLocal() {
                return isLocal;
            }
        }
    }
}
