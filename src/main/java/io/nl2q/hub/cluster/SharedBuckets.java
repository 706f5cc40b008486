package io.nl2q.hub.cluster;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * bucket4j token buckets kept in the app-state table {@code rate_bucket}, so every replica takes from the same
 * bucket and N replicas allow the limit once, not N times (bucket4j's own JDBC modules are not served here; its core
 * brings the compare-and-swap protocol this implements). Each take reads the row and writes it back only if its
 * version is unchanged, retrying otherwise. Time is each replica's clock: replicas are expected to run NTP.
 * Rows of buckets that would be full again expire and are purged now and then.
 */
public final class SharedBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
    private static final int PURGE_EVERY = 500;
    private final JdbcTemplate jdbc;
    private final AtomicLong inserts = new AtomicLong();

    public SharedBuckets(JdbcTemplate jdbc) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10))));
        this.jdbc = jdbc;
    }

    /** The shared bucket named {@code id}, created with {@code configuration} on first use. */
    public BucketProxy bucket(String id, Supplier<BucketConfiguration> configuration) {
        return builder().build(id, configuration);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String id) {
        return new CompareAndSwapOperation() {
            private long version;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                List<Row> rows = jdbc.query("SELECT state, version FROM rate_bucket WHERE bucket_id = ?",
                        (rs, i) -> new Row(rs.getBytes(1), rs.getLong(2)), id);
                if (rows.isEmpty()) {
                    return Optional.empty();
                }
                version = rows.get(0).version();
                return Optional.of(rows.get(0).state());
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state,
                                          Optional<Long> timeoutNanos) {
                OffsetDateTime expires = expiry(state);
                if (original == null) {
                    try {
                        jdbc.update("INSERT INTO rate_bucket (bucket_id, state, version, expires_at) "
                                + "VALUES (?, ?, 1, ?)", id, updated, expires);
                    } catch (DuplicateKeyException raced) {
                        return false;
                    }
                    if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
                        purgeExpired();
                    }
                    return true;
                }
                return jdbc.update("UPDATE rate_bucket SET state = ?, version = version + 1, expires_at = ? "
                        + "WHERE bucket_id = ? AND version = ?", updated, expires, id, version) == 1;
            }
        };
    }

    /** Deletes the rows of buckets that are full again (a full bucket is what a missing row means). */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM rate_bucket WHERE expires_at < ?", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private OffsetDateTime expiry(RemoteBucketState state) {
        return getClientSideConfig().getExpirationAfterWriteStrategy()
                .map(s -> s.calculateTimeToLiveMillis(state, currentTimeNanos()))
                .filter(ttl -> ttl > 0)
                .map(ttl -> Instant.now().plusMillis(ttl).atOffset(ZoneOffset.UTC))
                .orElse(null);
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String id) {
        throw new UnsupportedOperationException("shared buckets are synchronous");
    }

    @Override
    public void removeProxy(String id) {
        jdbc.update("DELETE FROM rate_bucket WHERE bucket_id = ?", id);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String id) {
        throw new UnsupportedOperationException("shared buckets are synchronous");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private record Row(byte[] state, long version) {
    }
}
