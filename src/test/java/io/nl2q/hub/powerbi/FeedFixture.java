package io.nl2q.hub.powerbi;

import io.nl2q.hub.reports.SavedQuestions;

/** The saved question the feed tests read through the feed: acme's Tirosint writers, with a PII column (full_name). */
final class FeedFixture {
    static final String TIROSINT_WRITERS_SQL = "SELECT h.hcp_id, h.full_name, SUM(r.trx) AS trx "
            + "FROM rx_weekly r JOIN hcp h ON h.hcp_id = r.hcp_id WHERE r.product_id = 'P01' "
            + "GROUP BY h.hcp_id, h.full_name";

    private FeedFixture() {
    }

    /** Saves (or resets) it as {@code saved_tirosint_writers} of the feed. */
    static void saveTirosintWriters(SavedQuestions saved) {
        saved.save("acme", "tirosint_writers", null, TIROSINT_WRITERS_SQL);
    }
}
