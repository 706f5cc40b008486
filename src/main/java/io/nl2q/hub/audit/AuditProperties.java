package io.nl2q.hub.audit;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.audit.*}. {@code piiColumns}: the columns, as {@code table.column}, whose reads the compliance report
 * counts as PII accesses (until the semantic model tags them, this list is the source).
 */
@ConfigurationProperties("hub.audit")
public record AuditProperties(List<String> piiColumns) {
    static final List<String> DEFAULT_PII = List.of("hcp.first_name", "hcp.last_name", "hcp.full_name", "hcp.npi");

    public AuditProperties {
        piiColumns = piiColumns == null || piiColumns.isEmpty() ? DEFAULT_PII
                : piiColumns.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        for (String c : piiColumns) {
            if (!c.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("hub.audit.pii-columns entries are table.column: " + c);
            }
        }
    }
}
