package io.nl2q.hub.boast;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Failed loads per partner file (name and SHA-256) in app state, so every replica and a restart count them. */
@Component
class LoadAttempts {
    private final JdbcTemplate jdbc;

    LoadAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a failed load; returns the failures so far, this one included. */
    int failed(InboundFile file, Throwable cause) {
        String error = clip(cause.getClass().getName() + ": " + cause.getMessage());
        Timestamp now = Timestamp.from(Instant.now());
        for (int tries = 0; ; tries++) {
            int updated = jdbc.update("UPDATE boast_load_attempt SET attempts = attempts + 1, last_error = ?, "
                    + "updated_at = ? WHERE file_key = ?", error, now, file.idempotencyKey());
            if (updated == 0) {
                try {
                    jdbc.update("INSERT INTO boast_load_attempt (file_key, tenant_id, attempts, last_error, "
                            + "updated_at) VALUES (?, ?, 1, ?, ?)", file.idempotencyKey(), file.tenant(), error, now);
                } catch (DuplicateKeyException e) {
                    if (tries < 2) {
                        continue;   // another replica counted the same file meanwhile: count on top of it
                    }
                    throw e;
                }
            }
            Integer attempts = jdbc.queryForObject("SELECT attempts FROM boast_load_attempt WHERE file_key = ?",
                    Integer.class, file.idempotencyKey());
            return attempts == null ? 1 : attempts;
        }
    }

    /** Forgets the failures of a file that loaded, or was set aside. */
    void clear(InboundFile file) {
        jdbc.update("DELETE FROM boast_load_attempt WHERE file_key = ?", file.idempotencyKey());
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
