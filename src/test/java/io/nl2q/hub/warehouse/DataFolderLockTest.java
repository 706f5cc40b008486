package io.nl2q.hub.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {
    @TempDir
    Path folder;

    @Test
    void anotherLiveProcessKeepsTheFolderAndACrashedOneIsTakenOver() throws Exception {
        Process holder = ChildJvm.start(LockHolder.class, folder.toString());
        try {
            assertThat(ChildJvm.readUntil(holder, "holding ")).contains("holding " + holder.pid());
            assertThat(DataFolderLock.recordedPid(folder)).hasValue(holder.pid());

            assertThatThrownBy(() -> DataFolderLock.acquire(folder))
                    .isInstanceOf(DataFolderLock.FolderInUseException.class)
                    .hasMessage("the data folder " + folder.toAbsolutePath() + " is in use by another running hub (pid "
                            + holder.pid() + "): stop that hub first, or start this one with its own "
                            + "hub.warehouse.data-dir");
        } finally {
            holder.destroyForcibly(); // a crash: no shutdown hook, the lock file stays with the dead pid
            holder.waitFor();
        }
        assertThat(DataFolderLock.recordedPid(folder)).hasValue(holder.pid());

        try (var lock = DataFolderLock.acquire(folder)) {
            assertThat(DataFolderLock.recordedPid(folder)).hasValue(ProcessHandle.current().pid());
            assertThat(DataFolderLock.takenOverFrom(folder)).hasValue(holder.pid());
        }
    }

    @Test
    void contextsOfOneProcessShareTheClaimUntilTheLastLetsGo() throws Exception {
        var first = DataFolderLock.acquire(folder);
        var second = DataFolderLock.acquire(folder);
        first.close();
        first.close();
        Process probe = ChildJvm.start(LockHolder.class, folder.toString());
        assertThat(ChildJvm.exitWithin(probe, 60)).isNotZero(); // still held by `second`
        second.close();

        Process holder = ChildJvm.start(LockHolder.class, folder.toString());
        try {
            assertThat(ChildJvm.readUntil(holder, "holding ")).contains("holding " + holder.pid());
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        assertThat(Files.exists(folder.resolve(DataFolderLock.FILE_NAME))).isTrue();
    }
}
