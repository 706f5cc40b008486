package io.nl2q.hub.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The hub's saved question per HCP: TRx of the promoted brands in the latest 13 weeks against the 13 before (weeks of
 * the data, not of the wall clock), read through the guard; from it a trend, a one-line summary and a recommended
 * message for the rep.
 */
@Component
class InsightAnalysis {
    static final String QUESTION = """
            WITH weeks AS (
              SELECT week_ending, DENSE_RANK() OVER (ORDER BY week_ending DESC) AS rk
              FROM (SELECT DISTINCT week_ending FROM rx_weekly) d)
            SELECT h.crm_account_id, p.product_name,
                   SUM(CASE WHEN w.rk <= 13 THEN r.trx ELSE 0 END) AS recent_trx,
                   SUM(CASE WHEN w.rk > 13 THEN r.trx ELSE 0 END) AS prior_trx
            FROM rx_weekly r
            JOIN weeks w ON w.week_ending = r.week_ending
            JOIN hcp h ON h.hcp_id = r.hcp_id
            JOIN product p ON p.product_id = r.product_id
            WHERE w.rk <= 26 AND p.is_promoted = TRUE AND h.crm_account_id IS NOT NULL
            GROUP BY h.crm_account_id, p.product_name
            ORDER BY h.crm_account_id, p.product_name""";
    private static final int MAX_ROWS = 2_000_000;
    private final GuardedReads reads;

    InsightAnalysis(GuardedReads reads) {
        this.reads = reads;
    }

    List<Insight> analyse(String tenant) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, String> topBrand = new LinkedHashMap<>();
        Map<String, Long> topRecent = new LinkedHashMap<>();
        for (List<Object> row : reads.query(tenant, "crm-insights", QUESTION, MAX_ROWS).rows()) {
            String id = (String) row.get(0);
            String brand = (String) row.get(1);
            long recent = ((Number) row.get(2)).longValue();
            long prior = ((Number) row.get(3)).longValue();
            long[] t = totals.computeIfAbsent(id, k -> new long[2]);
            t[0] += recent;
            t[1] += prior;
            if (recent > topRecent.getOrDefault(id, -1L)) {
                topRecent.put(id, recent);
                topBrand.put(id, brand);
            }
        }
        List<Insight> insights = new ArrayList<>(totals.size());
        totals.forEach((id, t) -> insights.add(insight(id, t[0], t[1], topBrand.get(id))));
        return insights;
    }

    static Insight insight(String crmAccountId, long recent, long prior, String brand) {
        String trend;
        String change;
        if (prior == 0) {
            trend = recent == 0 ? "No recent scripts" : "New writer";
            change = "";
        } else {
            double growth = (double) (recent - prior) / prior;
            trend = growth >= 0.10 ? "Growing" : growth <= -0.10 ? "Declining" : "Stable";
            change = String.format(Locale.ROOT, " (%+.1f%%)", growth * 100);
        }
        String summary = "TRx of promoted brands: " + recent + " in the latest 13 weeks vs " + prior
                + " in the 13 before" + change + ". Top brand: " + brand + ".";
        String message = switch (trend) {
            case "Growing" -> "Reinforce the " + brand + " experience; ask about new patient starts.";
            case "Declining" -> "Ask what changed for " + brand + " patients; review access and samples.";
            case "New writer" -> "Welcome a new " + brand + " writer; offer patient support materials.";
            case "No recent scripts" -> "Re-engage: present the latest " + brand + " data.";
            default -> "Keep the cadence: share the latest " + brand + " data.";
        };
        return new Insight(crmAccountId, trend, summary, message);
    }
}
