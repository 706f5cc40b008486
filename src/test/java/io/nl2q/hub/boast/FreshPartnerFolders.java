package io.nl2q.hub.boast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Empties the partner's SFTP folders once per test run, before any Spring context starts polling them: files left in
 * done/ or outbox/ by an earlier run would make this run's waits pass early or its drops collide.
 */
public final class FreshPartnerFolders implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        delete(BoastFiles.ROOT);
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + root, e);
        }
    }
}
