package io.nl2q.hub.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The hub's claim on its data folder: {@code <data-dir>/hub.lock}, locked with an OS file lock and holding the
 * holder's pid. A second hub on the same folder cannot take the lock and refuses to start instead of reopening (and,
 * before, regenerating) the files the first one serves. The OS releases the lock when a process dies, so the lock file
 * a crashed hub leaves behind is simply taken over; its stale pid is only reported. Within one JVM the claim is
 * shared (several Spring contexts of one test run open the same folder), counted, and released with the last holder.
 */
public final class DataFolderLock implements AutoCloseable {
    static final String FILE_NAME = "hub.lock";
    private static final Map<Path, Held> HELD = new HashMap<>();
    private final Path folder;
    private boolean closed;

    private DataFolderLock(Path folder) {
        this.folder = folder;
    }

    /**
     * Claims {@code folder} for this process, creating it when absent.
     *
     * @throws FolderInUseException when another live process holds the folder
     */
    public static DataFolderLock acquire(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held == null) {
                held = lock(key);
                HELD.put(key, held);
            }
            held.holders++;
            return new DataFolderLock(key);
        }
    }

    /** The pid written in the folder's lock file, if there is one. */
    public static OptionalLong recordedPid(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
            return text.matches("\\d{1,19}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            Held held = HELD.get(folder);
            if (held != null && --held.holders == 0) {
                HELD.remove(folder);
                held.release();
            }
        }
    }

    private static Held lock(Path folder) {
        try {
            Files.createDirectories(folder);
            // the pid is read before locking: a reader of a file another process holds locked sees what it wrote
            OptionalLong previous = recordedPid(folder);
            FileChannel channel = FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new FolderInUseException(folder, previous);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(true);
            return new Held(channel, lock, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data folder " + folder, e);
        }
    }

    /** Another live process holds the data folder. */
    public static final class FolderInUseException extends IllegalStateException {
        FolderInUseException(Path folder, OptionalLong pid) {
            super("the data folder " + folder + " is in use by another running hub"
                    + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "")
                    + ": stop that hub first, or start this one with its own hub.warehouse.data-dir");
        }
    }

    private static final class Held {
        private final FileChannel channel;
        private final FileLock lock;
        private final OptionalLong previousPid;
        private int holders;

        Held(FileChannel channel, FileLock lock, OptionalLong previousPid) {
            this.channel = channel;
            this.lock = lock;
            this.previousPid = previousPid;
        }

        void release() {
            try (channel) {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The pid a crashed hub left in the lock file this process took over, if any (for the start log). */
    static OptionalLong takenOverFrom(Path folder) {
        synchronized (HELD) {
            Held held = HELD.get(folder.toAbsolutePath().normalize());
            if (held == null || held.previousPid.isEmpty()
                    || held.previousPid.getAsLong() == ProcessHandle.current().pid()) {
                return OptionalLong.empty();
            }
            return held.previousPid;
        }
    }
}
