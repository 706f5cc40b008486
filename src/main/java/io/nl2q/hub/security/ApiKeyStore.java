package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenantRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** API keys in the app-state database, looked up by hash. */
@Component
public class ApiKeyStore {
    /** last_used_at is written at most this often per key: a write on every request costs more than the lookup. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

    @Autowired
    public ApiKeyStore(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ApiKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The caller a presented key acts as, if the key exists, is not revoked and has not expired. */
    public Optional<Caller> authenticate(String presentedKey) {
        Instant instant = clock.instant();
        Timestamp now = Timestamp.from(instant);
        String hash = ApiKeys.hash(presentedKey);
        List<Caller> found = jdbc.query("""
                SELECT k.key_id, k.key_prefix, k.roles, t.tenant_id, t.schema_name
                  FROM api_key k JOIN tenant t ON t.tenant_id = k.tenant_id
                 WHERE k.key_hash = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)
                """, (rs, i) -> new Caller(new TenantRef(rs.getString("tenant_id"), rs.getString("schema_name")),
                "key:" + rs.getString("key_id"), parseRoles(rs.getString("roles"))),
                hash, now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant recorded = lastRecorded.get(hash);
        if (recorded == null || !instant.isBefore(recorded.plus(LAST_USED_RESOLUTION))) {
            lastRecorded.put(hash, instant);
            jdbc.update("UPDATE api_key SET last_used_at = ? WHERE key_hash = ?", now, hash);
        }
        return Optional.of(found.get(0));
    }

    /** Stores a key given in clear (demo configuration) unless a key with the same hash exists. */
    public void ensure(String tenantId, String key, String label, Set<Role> roles) {
        String hash = ApiKeys.hash(key);
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Integer.class, hash);
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO api_key (key_id, tenant_id, key_hash, key_prefix, label, roles, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID().toString(), tenantId, hash, ApiKeys.prefix(key), label, formatRoles(roles),
                Timestamp.from(Instant.now(clock)));
    }

    /** Stores a new key (only its hash) for a tenant and returns what may be listed about it. */
    public ApiKeyInfo insert(String tenantId, String key, String label, Set<Role> roles, Instant expiresAt) {
        Instant created = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO api_key (key_id, tenant_id, key_hash, key_prefix, label, roles, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, id, tenantId, ApiKeys.hash(key), ApiKeys.prefix(key), label, formatRoles(roles),
                Timestamp.from(created), expiresAt == null ? null : Timestamp.from(expiresAt));
        return new ApiKeyInfo(id, tenantId, ApiKeys.prefix(key), label, formatRoles(roles), ApiKeyInfo.iso(created),
                ApiKeyInfo.iso(expiresAt), null, null);
    }

    /** The keys of one tenant, newest first; never their hashes. */
    public List<ApiKeyInfo> list(String tenantId) {
        return jdbc.query("""
                SELECT key_id, tenant_id, key_prefix, label, roles, created_at, expires_at, revoked_at, last_used_at
                  FROM api_key WHERE tenant_id = ? ORDER BY created_at DESC, key_id
                """, (rs, i) -> new ApiKeyInfo(rs.getString("key_id"), rs.getString("tenant_id"),
                rs.getString("key_prefix"), rs.getString("label"), rs.getString("roles"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at"))), tenantId);
    }

    /** True while the key with this id exists, is not revoked and has not expired (what a widget link needs). */
    public boolean isActive(String keyId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_id = ? AND revoked_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?)", Integer.class, keyId, Timestamp.from(clock.instant()));
        return n != null && n > 0;
    }

    /** Revokes a key of this tenant; false when the tenant has no such active key (another tenant's key included). */
    public boolean revoke(String tenantId, String keyId) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND tenant_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), keyId, tenantId) == 1;
    }

    private static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }

    static Set<Role> parseRoles(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(Role::parse).collect(Collectors.toSet());
    }

    static String formatRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
