package io.nl2q.hub.warehouse;

import java.nio.file.Path;

/** A child process that claims a data folder and then waits to be killed, as a hub that crashes would. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        DataFolderLock.acquire(Path.of(args[0]));
        System.out.println("holding " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
