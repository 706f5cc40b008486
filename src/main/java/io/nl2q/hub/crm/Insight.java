package io.nl2q.hub.crm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hub's analysis of one HCP, as written to the Account's insight fields.
 *
 * @param trend   Growing | Stable | Declining | No recent scripts
 */
record Insight(String crmAccountId, String trend, String summary, String message) {
    Insight {
        Objects.requireNonNull(crmAccountId, "crmAccountId");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(message, "message");
    }

    /** SHA-256 of what the CRM would show, without the analysis date: a re-run with the same result is not pushed. */
    String contentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u001f", crmAccountId, trend,
                    summary, message).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
