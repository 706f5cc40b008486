package io.nl2q.hub.powerbi;

import io.nl2q.hub.pipeline.PiiPolicy;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OData feed ({@code hub.powerbi.odata}); its PII columns and roles are the hub's one {@link PiiPolicy}.
 *
 * @param pageSize    rows per response; a longer result carries {@code @odata.nextLink}
 * @param piiColumns  {@code table.column} names shown only to callers holding one of {@code piiRoles}; a saved
 *                    question's column with the same name as one of them is hidden likewise
 * @param piiRoles    roles allowed to see the PII columns
 * @param metadataTtlSeconds how long a tenant's column list is cached before the warehouse is asked again
 * @param baseUrl     the hub's public URL as clients reach it ({@code https://hub.example.com}, or with a proxy's path
 *                    prefix); the feed's absolute links ({@code @odata.context}, {@code @odata.nextLink}) start with
 *                    it. Unset: the address and port the request's connection arrived on, never the Host header
 */
@ConfigurationProperties("hub.powerbi.odata")
public record ODataProperties(Integer pageSize, Set<String> piiColumns, Set<String> piiRoles,
                              Integer metadataTtlSeconds, String baseUrl) implements PiiPolicy {
    public ODataProperties {
        pageSize = pageSize == null ? 5000 : pageSize;
        if (pageSize < 1) {
            throw new IllegalArgumentException("hub.powerbi.odata.page-size must be positive");
        }
        piiColumns = piiColumns == null ? Set.of("hcp.first_name", "hcp.last_name", "hcp.full_name", "hcp.npi")
                : Set.copyOf(piiColumns);
        piiRoles = piiRoles == null ? Set.of("analyst", "admin") : Set.copyOf(piiRoles);
        metadataTtlSeconds = metadataTtlSeconds == null ? 300 : metadataTtlSeconds;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : publicUrl(baseUrl.strip());
    }

    private static String publicUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hub.powerbi.odata.base-url is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("hub.powerbi.odata.base-url must be an http(s) URL with a host and no "
                    + "query, fragment or credentials: " + url);
        }
        return url.replaceAll("/+$", "");
    }
}
