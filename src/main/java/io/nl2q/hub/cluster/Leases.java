package io.nl2q.hub.cluster;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases in the app-state table {@code cluster_lease} (PostgreSQL in prod, H2 on the embedded default): at most one
 * member holds a namespace until its lease expires. Each call reads the database's clock once, so the replicas'
 * clocks play no part; each statement is atomic on its own, so two members racing for a free lease cannot both win.
 */
final class Leases {
    private final JdbcTemplate jdbc;

    Leases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the namespace's lease if it is free, or renews it if the member holds it; true if the member holds it. */
    boolean acquire(String namespace, String member, Duration lease) {
        return take(namespace, member, lease).filter(member::equals).isPresent();
    }

    /**
     * Takes or renews the lease as {@link #acquire} does and returns who holds it afterwards, so a member that did not
     * get it learns the holder from the same read that found the lease taken.
     */
    Optional<String> take(String namespace, String member, Duration lease) {
        OffsetDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        OffsetDateTime until = now.plus(lease);
        int updated = jdbc.update("UPDATE cluster_lease SET member_id = ?, expires_at = ? "
                + "WHERE namespace = ? AND (member_id = ? OR expires_at < ?)", member, until, namespace, member, now);
        if (updated == 1) {
            return Optional.of(member);
        }
        Optional<String> holder = holder(namespace);
        if (holder.isPresent()) {
            return holder;
        }
        try {
            jdbc.update("INSERT INTO cluster_lease (namespace, member_id, expires_at) VALUES (?, ?, ?)",
                    namespace, member, until);
            return Optional.of(member);
        } catch (DuplicateKeyException e) {
            return holder(namespace); // another member inserted it first
        }
    }

    /** The member holding an unexpired lease on the namespace. */
    Optional<String> holder(String namespace) {
        List<String> members = jdbc.queryForList("SELECT member_id FROM cluster_lease "
                + "WHERE namespace = ? AND expires_at >= CURRENT_TIMESTAMP", String.class, namespace);
        return members.stream().findFirst();
    }

    /** Gives the lease up at once (a stopping replica), so another member need not wait for it to expire. */
    void release(String namespace, String member) {
        jdbc.update("DELETE FROM cluster_lease WHERE namespace = ? AND member_id = ?", namespace, member);
    }
}
