package io.nl2q.hub.powerbi;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The push limiter's ledger in the app-state database (table powerbi_push_post): every row POST of the last hour, so
 * a restarted hub does not send into Power BI's 429s what its predecessor already used of the windows, and every
 * replica sees what the others sent.
 */
final class PushPostLog implements PushLimiter.Ledger {
    private final JdbcTemplate jdbc;
    private final AtomicInteger recorded = new AtomicInteger();

    PushPostLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Map.Entry<Instant, Integer>> since(String datasetId, Instant from) {
        return jdbc.query("SELECT posted_at, row_count FROM powerbi_push_post WHERE dataset_id = ? AND posted_at > ?"
                + " ORDER BY posted_at", (rs, i) -> Map.entry(rs.getTimestamp(1).toInstant(), rs.getInt(2)),
                datasetId, Timestamp.from(from));
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void record(String datasetId, Instant at, int rows) {
        jdbc.update("INSERT INTO powerbi_push_post (dataset_id, posted_at, row_count) VALUES (?, ?, ?)", datasetId,
                Timestamp.from(at), rows);
        if (recorded.incrementAndGet() % 100 == 0) {
            jdbc.update("DELETE FROM powerbi_push_post WHERE posted_at < ?",
                    Timestamp.from(at.minus(Duration.ofHours(2))));
        }
    }
}
