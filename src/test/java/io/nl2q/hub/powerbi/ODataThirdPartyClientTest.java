package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nl2q.hub.HubTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The feed as a third-party OData v4 client reads it: {@code connectors/odata-client/check.mjs} drives the npm
 * package {@code @odata/client} (by key, {@code $select} on an entity, a missing key, filter/order/top, count,
 * {@code $search}) against this hub. Needs Node.js on the machine; the package is installed from the lock file when
 * absent. On a machine without Node.js the test is skipped, and says so.
 */
@HubTest
class ODataThirdPartyClientTest {
    private static final Path CHECK = Path.of("connectors", "odata-client");
    @LocalServerPort
    int port;

    @Test
    void odataClientFromNpmReadsEntitiesByKeyAndGetsCodedErrors() throws Exception {
        assumeTrue(run(List.of("node", "--version"), Path.of(".")).exit() == 0, "Node.js is not installed");
        if (!Files.isDirectory(CHECK.resolve("node_modules/@odata/client"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), CHECK);
            assertThat(install.exit()).as(install.output()).isZero();
        }
        Result check = run(List.of("node", "check.mjs", "http://127.0.0.1:" + port + "/odata/v1/", "acme-demo-key"),
                CHECK);
        assertThat(check.output()).as(check.output()).doesNotContain("FAIL").contains(
                "ok   retrieve hcp('H000001')", "ok   retrieve with $select",
                "ok   retrieve a missing key is an error with a code", "ok   query with filter, orderby, top",
                "ok   count", "ok   $search answers 501 with a code");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path directory) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish in 3 minutes");
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
    }
}
