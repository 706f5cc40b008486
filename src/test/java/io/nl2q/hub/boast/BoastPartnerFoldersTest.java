package io.nl2q.hub.boast;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubTest;
import io.nl2q.hub.tenancy.TenancyProperties;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner's SFTP client on the embedded server, as curl's (libssh2) is: it logs in, checks the host key and uploads
 * into {@code <tenant>/outbox/} without creating any folder. Before, no tenant folder existed until someone made it,
 * and the upload failed with "No such file or directory".
 */
@HubTest
class BoastPartnerFoldersTest {
    @Autowired
    EmbeddedSftpServer sftp;
    @Autowired
    TenancyProperties tenancy;

    @Test
    void everyTenantsFoldersAreThereAndAPartnerUploadsWithoutMakingAny() throws Exception {
        AtomicReference<String> offered = new AtomicReference<>();
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier((session, address, key) -> {
                offered.set(KeyUtils.getFingerPrint(key));
                return true;
            });
            client.start();
            try (ClientSession session = client.connect("boast", "127.0.0.1", sftp.port())
                    .verify(Duration.ofSeconds(10)).getSession()) {
                session.addPasswordIdentity("boast-test-password");
                session.auth().verify(Duration.ofSeconds(10));
                try (SftpClient files = SftpClientFactory.instance().createSftpClient(session)) {
                    for (TenancyProperties.TenantConfig tenant : tenancy.tenants()) {
                        for (String folder : EmbeddedSftpServer.FOLDERS) {
                            assertThat(files.stat("/" + tenant.id() + "/" + folder).isDirectory())
                                    .as(tenant.id() + "/" + folder).isTrue();
                        }
                    }
                    String file = "/umbrella/outbox/partner-probe.txt";
                    try (OutputStream out = files.write(file)) {
                        out.write("hello from the partner\n".getBytes(StandardCharsets.UTF_8));
                    }
                    assertThat(files.stat(file).getSize()).isEqualTo(23);
                    files.remove(file);
                }
            }
        }
        // the fingerprint the log shows at start is the key the server offers
        assertThat(offered.get()).startsWith("SHA256:").isEqualTo(sftp.hostKeyFingerprint());
    }
}
