package io.nl2q.hub.llm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a tenant's language model spend of a day is summed: in memory, or shared by every replica. */
interface SpendLedger {
    void add(String tenantId, LocalDate day, double usd);

    double spent(String tenantId, LocalDate day);

    /** This replica's memory only (tests). */
    static SpendLedger inMemory() {
        Map<String, Double> spent = new ConcurrentHashMap<>();
        return new SpendLedger() {
            @Override
            public void add(String tenantId, LocalDate day, double usd) {
                spent.merge(tenantId + "|" + day, usd, Double::sum);
            }

            @Override
            public double spent(String tenantId, LocalDate day) {
                return spent.getOrDefault(tenantId + "|" + day, 0d);
            }
        };
    }

    /**
     * The app-state table {@code llm_spend_day}: each replica adds what its calls cost in one atomic update, so the
     * daily budget holds for the tenant across N replicas, not N times over.
     */
    static SpendLedger shared(JdbcTemplate jdbc) {
        return new SpendLedger() {
            @Override
            public void add(String tenantId, LocalDate day, double usd) {
                String update = "UPDATE llm_spend_day SET usd = usd + ? WHERE tenant_id = ? AND spend_day = ?";
                if (jdbc.update(update, usd, tenantId, day) == 0) {
                    try {
                        jdbc.update("INSERT INTO llm_spend_day (tenant_id, spend_day, usd) VALUES (?, ?, ?)",
                                tenantId, day, usd);
                    } catch (DuplicateKeyException raced) {
                        jdbc.update(update, usd, tenantId, day);
                    }
                }
            }

            @Override
            public double spent(String tenantId, LocalDate day) {
                List<Double> usd = jdbc.queryForList(
                        "SELECT usd FROM llm_spend_day WHERE tenant_id = ? AND spend_day = ?", Double.class,
                        tenantId, day);
                return usd.isEmpty() ? 0 : usd.get(0);
            }
        };
    }
}
