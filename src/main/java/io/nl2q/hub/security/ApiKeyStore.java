package io.nl2q.hub.security;

import io.nl2q.hub.tenancy.TenantRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
    private final JdbcTemplate jdbc;
    private final Clock clock;

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
        Timestamp now = Timestamp.from(clock.instant());
        List<Caller> found = jdbc.query("""
                SELECT k.key_id, k.key_prefix, k.roles, t.tenant_id, t.schema_name
                  FROM api_key k JOIN tenant t ON t.tenant_id = k.tenant_id
                 WHERE k.key_hash = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)
                """, (rs, i) -> new Caller(new TenantRef(rs.getString("tenant_id"), rs.getString("schema_name")),
                "key:" + rs.getString("key_prefix"), parseRoles(rs.getString("roles"))),
                ApiKeys.hash(presentedKey), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE key_hash = ?", now, ApiKeys.hash(presentedKey));
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

    static Set<Role> parseRoles(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(Role::parse).collect(Collectors.toSet());
    }

    static String formatRoles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
