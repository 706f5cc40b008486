package io.nl2q.hub.powerbi;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OData feed ({@code hub.powerbi.odata}).
 *
 * @param pageSize    rows per response; a longer result carries {@code @odata.nextLink}
 * @param piiColumns  {@code table.column} names shown only to callers holding one of {@code piiRoles}; a saved
 *                    question's column with the same name as one of them is hidden likewise
 * @param piiRoles    roles allowed to see the PII columns
 * @param metadataTtlSeconds how long a tenant's column list is cached before the warehouse is asked again
 */
@ConfigurationProperties("hub.powerbi.odata")
public record ODataProperties(Integer pageSize, Set<String> piiColumns, Set<String> piiRoles,
                              Integer metadataTtlSeconds) {
    public ODataProperties {
        pageSize = pageSize == null ? 5000 : pageSize;
        if (pageSize < 1) {
            throw new IllegalArgumentException("hub.powerbi.odata.page-size must be positive");
        }
        piiColumns = piiColumns == null ? Set.of("hcp.first_name", "hcp.last_name", "hcp.full_name", "hcp.npi")
                : Set.copyOf(piiColumns);
        piiRoles = piiRoles == null ? Set.of("analyst", "admin") : Set.copyOf(piiRoles);
        metadataTtlSeconds = metadataTtlSeconds == null ? 300 : metadataTtlSeconds;
    }
}
