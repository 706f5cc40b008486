package io.nl2q.hub.cluster;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;

/**
 * Which replica leads a namespace, for code that runs beside a led route: the CRM change event listener threads,
 * which the route only starts, are stopped by {@link #onLoss} when this replica stops leading.
 */
public final class Leadership {
    private final LeaseClusterService service;

    Leadership(LeaseClusterService service) {
        this.service = service;
    }

    /** True while this replica holds the namespace's lease. */
    public boolean leads(String namespace) {
        return service.isLeader(namespace);
    }

    /** The replica leading the namespace now, if any. */
    public java.util.Optional<String> leader(String namespace) {
        try {
            return view(namespace).getLeader().map(m -> m.getId());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String memberId() {
        return service.memberId();
    }

    /** Runs {@code action} each time this replica loses the namespace's leadership. */
    public void onLoss(String namespace, Runnable action) {
        CamelClusterView view = view(namespace);
        view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> {
            if (leader == null || !leader.isLocal()) {
                action.run();
            }
        });
    }

    private CamelClusterView view(String namespace) {
        try {
            return service.getView(namespace);
        } catch (Exception e) {
            throw new IllegalStateException("no cluster view of " + namespace, e);
        }
    }
}
