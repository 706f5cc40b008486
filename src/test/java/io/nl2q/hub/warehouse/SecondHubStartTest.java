package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubApplication;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A second hub process on the folder the running one serves refuses to start and changes nothing. */
@HubTest
class SecondHubStartTest {
    @LocalServerPort
    int port;
    @Value("${hub.warehouse.data-dir}")
    String dataDir;

    @Test
    void aSecondHubOnTheSameFolderRefusesAndTheFirstKeepsAnswering() throws Exception {
        var http = new HubHttp(port);
        assertThat(http.ask("acme-demo-key", "how many prescribers are there").status()).isEqualTo(200);
        Path folder = Path.of(dataDir).toAbsolutePath().normalize();
        Map<String, String> before = listing(folder);

        Process second = ChildJvm.start(HubApplication.class, "--hub.warehouse.data-dir=" + folder,
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:second-hub", "--hub.demo.regenerate=true");
        String output = ChildJvm.readUntil(second, "\u0000never");
        assertThat(ChildJvm.exitWithin(second, 120)).isNotZero();
        assertThat(output).contains("the data folder " + folder + " is in use by another running hub (pid "
                + ProcessHandle.current().pid() + ")");

        assertThat(listing(folder)).isEqualTo(before);
        assertThat(DataFolderLock.recordedPid(folder)).hasValue(ProcessHandle.current().pid());
        var again = http.ask("acme-demo-key", "how many prescribers are there");
        assertThat(again.status()).isEqualTo(200);
        assertThat(http.ask("acme-viewer-key", "how many prescribers are there").status()).isEqualTo(200);
    }

    /** Every file of the folder with its size and modification time. */
    private static Map<String, String> listing(Path folder) throws Exception {
        var files = new TreeMap<String, String>();
        try (var paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                files.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }
}
