package io.nl2q.hub.boast;

import io.nl2q.hub.tenancy.TenancyProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The partner's SFTP server of the default setup, in-process (Apache MINA SSHD), serving the local folders
 * {@code data/boast/<tenant>/{outbox,inbox,done,error}}. The BOAST routes then speak SFTP on every setup: locally,
 * in tests and against the partner's real server alike. Password and public-key logins are both accepted.
 * Every tenant's four folders are made at start: a partner's client uploads into {@code <tenant>/outbox/} and does
 * not create folders (curl's does not). The host key's SHA-256 fingerprint is logged at start, for the partner to
 * check on first connection. Started before the routes; the port it got is published as {@code hub.boast.sftp.port}.
 */
@Component
@ConditionalOnProperty(name = "hub.boast.sftp.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedSftpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);
    /** The folders of each tenant, as the BOAST routes use them. */
    static final List<String> FOLDERS = List.of("outbox", "inbox", "done", "error", "duplicate");
    private final BoastProperties.Sftp config;
    private final List<String> tenants;
    private final String directory;
    private SshServer server;
    private int port;
    private String fingerprint;

    EmbeddedSftpServer(BoastProperties properties, TenancyProperties tenancy, ConfigurableEnvironment environment) {
        this.config = properties.sftp();
        this.port = config.port();
        this.tenants = tenancy.tenants().stream().map(TenancyProperties.TenantConfig::id).toList();
        this.directory = environment.getProperty("hub.boast.sftp.directory", "");
        start();
        environment.getPropertySources().addFirst(new MapPropertySource("boast-embedded-sftp",
                Map.of("hub.boast.sftp.port", port)));
    }

    public int port() {
        return port;
    }

    /** The host key's fingerprint as OpenSSH shows it ({@code SHA256:...}). */
    public String hostKeyFingerprint() {
        return fingerprint;
    }

    /** Starts (again) on the same port. */
    synchronized void start() {
        try {
            Path root = config.root().toAbsolutePath();
            Files.createDirectories(root);
            Path base = directory.isBlank() ? root : root.resolve(directory.replaceAll("^/+", "")).normalize();
            for (String tenant : tenants) {
                for (String folder : FOLDERS) {
                    Files.createDirectories(base.resolve(tenant).resolve(folder));
                }
            }
            Files.createDirectories(config.hostKey().toAbsolutePath().getParent());
            SshServer ssh = SshServer.setUpDefaultServer();
            ssh.setHost("127.0.0.1");
            ssh.setPort(port);
            var hostKeys = new SimpleGeneratorHostKeyProvider(config.hostKey());
            ssh.setKeyPairProvider(hostKeys);
            ssh.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            ssh.setFileSystemFactory(new VirtualFileSystemFactory(root));
            String password = config.password();
            ssh.setPasswordAuthenticator((user, pass, session) -> password != null && !password.isEmpty()
                    && config.username().equals(user) && password.equals(pass));
            if (config.authorizedKeys() != null) {
                var keys = new AuthorizedKeysAuthenticator(config.authorizedKeys());
                ssh.setPublickeyAuthenticator((user, key, session) -> config.username().equals(user)
                        && keys.authenticate(user, key, session));
            }
            ssh.start();
            server = ssh;
            port = ssh.getPort();
            fingerprint = KeyUtils.getFingerPrint(hostKeys.loadKeys(null).iterator().next().getPublic());
            LOG.info("embedded BOAST SFTP server on 127.0.0.1:{} serving {}; host key {}; user {}; folders"
                    + " <tenant>/{outbox,inbox,done,error,duplicate} for {}", port, root, fingerprint,
                    config.username(), tenants);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded SFTP server could not start", e);
        }
    }

    /** Stops accepting and drops every session (tests: the partner's server going down). */
    synchronized void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                LOG.warn("embedded SFTP server did not stop cleanly", e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
