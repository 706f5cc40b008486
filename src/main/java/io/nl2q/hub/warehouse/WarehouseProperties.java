package io.nl2q.hub.warehouse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that apply to every answering query ({@code hub.warehouse}).
 *
 * @param dataDir          folder of the embedded DuckDB files (one per tenant) on the embedded default
 * @param statementTimeout a query running longer is cancelled and answered 504 QUERY_TIMEOUT
 * @param maxRows          rows returned at most; more and the answer says {@code "truncated": true}
 * @param duckdbMemoryLimit DuckDB's {@code memory_limit} for the embedded files (e.g. {@code 2GB}); DuckDB's own
 *                         default, 80 % of the machine's memory, when blank. Native memory, beside the JVM heap:
 *                         large partner-file loads spill to disk beyond it instead of growing the process.
 */
@ConfigurationProperties("hub.warehouse")
public record WarehouseProperties(String dataDir, Duration statementTimeout, Integer maxRows,
                                  String duckdbMemoryLimit) {
    public WarehouseProperties {
        dataDir = dataDir == null ? "data/warehouse" : dataDir;
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(30) : statementTimeout;
        maxRows = maxRows == null ? 10_000 : maxRows;
    }
}
