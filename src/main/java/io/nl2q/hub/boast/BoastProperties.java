package io.nl2q.hub.boast;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The BOAST exchange ({@code hub.boast}); every key is commented in config/application.yaml. The route endpoints
 * themselves (host, port, poll delay, read lock) are placeholders in routes/boast-*.camel.yaml.
 *
 * @param contractsDir     folder of the file contracts (*.yaml)
 * @param workDir          local scratch folder: downloaded partner files, error reports, exports before upload
 * @param maxBadRowShare   a file with a larger share of bad rows is loaded not at all
 * @param maxReportedErrors lines of an errors report at most; the report then says it was cut
 * @param maxLoadAttempts  a file that fails to load this many times for a reason of its own (not a warehouse that
 *                         is down) is set aside in the error folder, its cause parked as a dead letter
 * @param sftp             the embedded SFTP server of the default setup
 * @param exports          saved exports to the partner, run on the schedule and on demand
 */
@ConfigurationProperties("hub.boast")
public record BoastProperties(@DefaultValue("connectors/boast") Path contractsDir,
                              @DefaultValue("data/boast-work") Path workDir,
                              @DefaultValue("0.05") double maxBadRowShare,
                              @DefaultValue("10000") int maxReportedErrors,
                              @DefaultValue("5") int maxLoadAttempts,
                              @DefaultValue Sftp sftp,
                              List<Export> exports) {
    public BoastProperties {
        if (maxBadRowShare < 0 || maxBadRowShare > 1) {
            throw new IllegalArgumentException("hub.boast.max-bad-row-share must be within 0..1: " + maxBadRowShare);
        }
        if (maxLoadAttempts < 1) {
            throw new IllegalArgumentException("hub.boast.max-load-attempts must be at least 1: " + maxLoadAttempts);
        }
        exports = exports == null ? List.of() : List.copyOf(exports);
    }

    public Export export(String name) {
        return exports.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The in-process SFTP server ({@code embedded}: true on the default setup, false in production where the
     * partner runs the server). {@code port} 0 picks a free port, published as {@code hub.boast.sftp.port}.
     */
    public record Sftp(@DefaultValue("true") boolean embedded, @DefaultValue("data/boast") Path root,
                       @DefaultValue("2222") int port, @DefaultValue("boast") String username, String password,
                       @DefaultValue("data/boast-work/sftp-host.key") Path hostKey, Path authorizedKeys) {
    }

    /**
     * A saved export run in {@code tenant}: a saved question of that tenant (by name, created over the API; a
     * question is compiled afresh each run) or SQL written here, guarded like an analyst's either way; written as
     * {@code <prefix>_<ts>.csv} to the partner's inbox and, with {@code postToApi}, posted as JSON to the partner API.
     *
     * @param maxRows a result larger than this is not sent at all (a partner file is never cut short)
     */
    public record Export(String name, String tenant, String savedQuestion, String sql, String filePrefix,
                         @DefaultValue("false") boolean postToApi, @DefaultValue("1000000") int maxRows) {
        public Export {
            FileContract.identifier(Objects.requireNonNull(name, "export name"), "export name");
            Objects.requireNonNull(tenant, "tenant of export " + name);
            if ((savedQuestion == null) == (sql == null)) {
                throw new IllegalArgumentException("export " + name + " needs either saved-question or sql");
            }
            if (maxRows < 1) {
                throw new IllegalArgumentException("max-rows of export " + name + " must be at least 1");
            }
            filePrefix = filePrefix == null ? name : filePrefix;
        }
    }
}
