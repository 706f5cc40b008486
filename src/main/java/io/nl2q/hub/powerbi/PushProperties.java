package io.nl2q.hub.powerbi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Power BI push datasets ({@code hub.powerbi.push}). The limits default to Microsoft's documented ones for push
 * datasets; lower them, never raise them.
 *
 * @param authorityUrl     Azure AD (Entra ID) authority; the token comes from {@code <authority>/<tenant>/oauth2/v2.0/token}
 * @param apiUrl           Power BI REST API root
 * @param azureTenant      the Azure AD tenant of the service principal
 * @param clientId         the service principal (client credentials)
 * @param clientSecret     its secret, from the environment only
 * @param batchSize        rows per PostRows request (Power BI: at most 10,000)
 * @param postsPerMinute   PostRows requests per minute per dataset (Power BI: 120)
 * @param rowsPerHour      rows per hour per dataset (Power BI: 1,000,000)
 * @param maxPending       PostRows requests in flight per dataset (Power BI: 5)
 * @param maxStringLength  longer strings are cut, with a warning (Power BI: 4,000 characters)
 * @param maxAttempts      attempts of one request on 5xx and network errors, with exponential backoff
 * @param firstBackoff     the first of those waits; doubles each time
 * @param maxInlineWait    a wait (Retry-After, the push limits) up to this long is waited out; a longer one ends the
 *                         try and the push resumes at its time (route powerbi-push-resume), holding no thread
 * @param maxReloads       a FULL push whose table cannot be shown to hold exactly the source rows is cleared and
 *                         loaded again at most this many times
 * @param bindings         saved questions bound to push datasets
 */
@ConfigurationProperties("hub.powerbi.push")
public record PushProperties(String authorityUrl, String apiUrl, String azureTenant, String clientId,
                             String clientSecret, Integer batchSize, Integer postsPerMinute, Integer rowsPerHour,
                             Integer maxPending, Integer maxStringLength, Integer maxAttempts, Duration firstBackoff,
                             Duration maxInlineWait, Integer maxReloads, List<Binding> bindings) {
    public PushProperties {
        authorityUrl = authorityUrl == null ? "https://login.microsoftonline.com" : authorityUrl;
        apiUrl = apiUrl == null ? "https://api.powerbi.com/v1.0/myorg" : apiUrl;
        batchSize = Math.min(10_000, batchSize == null ? 10_000 : batchSize);
        postsPerMinute = Math.min(120, postsPerMinute == null ? 120 : postsPerMinute);
        rowsPerHour = Math.min(1_000_000, rowsPerHour == null ? 1_000_000 : rowsPerHour);
        maxPending = Math.min(5, maxPending == null ? 5 : maxPending);
        maxStringLength = Math.min(4000, maxStringLength == null ? 4000 : maxStringLength);
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
        maxInlineWait = maxInlineWait == null ? Duration.ofSeconds(60) : maxInlineWait;
        maxReloads = maxReloads == null ? 3 : maxReloads;
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }

    public Binding binding(String name) {
        return bindings.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new io.nl2q.hub.errors.PermanentFailure(io.nl2q.hub.errors.ErrorCode.NOT_FOUND,
                        io.nl2q.hub.errors.Phase.DELIVER, "no Power BI push binding " + name));
    }

    /**
     * A saved question kept current in a push dataset.
     *
     * @param mode FULL: DeleteRows, then all rows; APPEND: the rows are added to what the table holds
     */
    public record Binding(String name, String tenant, String savedQuestion, String groupId, String datasetName,
                          String tableName, Mode mode) {
        public Binding {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(savedQuestion, "savedQuestion");
            Objects.requireNonNull(groupId, "groupId");
            datasetName = datasetName == null ? "NL2Q " + savedQuestion : datasetName;
            tableName = tableName == null ? savedQuestion : tableName;
            mode = mode == null ? Mode.FULL : mode;
        }
    }

    public enum Mode { FULL, APPEND }
}
