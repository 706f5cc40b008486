package io.nl2q.hub.boast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Started before the routes; the port it got is published as {@code hub.boast.sftp.port}.
 */
@Component
@ConditionalOnProperty(name = "hub.boast.sftp.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedSftpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);
    private final BoastProperties.Sftp config;
    private SshServer server;
    private int port;

    EmbeddedSftpServer(BoastProperties properties, ConfigurableEnvironment environment) {
        this.config = properties.sftp();
        this.port = config.port();
        start();
        environment.getPropertySources().addFirst(new MapPropertySource("boast-embedded-sftp",
                Map.of("hub.boast.sftp.port", port)));
    }

    public int port() {
        return port;
    }

    /** Starts (again) on the same port. */
    synchronized void start() {
        try {
            Path root = config.root().toAbsolutePath();
            Files.createDirectories(root);
            Files.createDirectories(config.hostKey().toAbsolutePath().getParent());
            SshServer ssh = SshServer.setUpDefaultServer();
            ssh.setHost("127.0.0.1");
            ssh.setPort(port);
            ssh.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(config.hostKey()));
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
            LOG.info("embedded BOAST SFTP server on 127.0.0.1:{} serving {}", port, root);
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
