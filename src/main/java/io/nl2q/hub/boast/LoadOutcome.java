package io.nl2q.hub.boast;

import java.nio.file.Path;

/**
 * What became of a partner file.
 *
 * @param report the errors report ({@code <file>.errors.csv}) when any row or the file was refused, else null
 */
public record LoadOutcome(Status status, String file, String contract, String table, long rowsRead,
                          long rowsLoaded, long badRows, String reason, Path report) {

    /** LOADED: valid rows are in the table; REJECTED: nothing loaded, file to the error folder. */
    public enum Status { LOADED, REJECTED }

    static LoadOutcome loaded(String file, String contract, String table, long rowsRead, long rowsLoaded,
                              long badRows) {
        return new LoadOutcome(Status.LOADED, file, contract, table, rowsRead, rowsLoaded, badRows, null, null);
    }

    /** The same outcome with its errors report written. */
    LoadOutcome withReport(Path report) {
        return new LoadOutcome(status, file, contract, table, rowsRead, rowsLoaded, badRows, reason, report);
    }

    static LoadOutcome rejected(String file, String contract, String table, long rowsRead, long badRows,
                                String reason, Path report) {
        return new LoadOutcome(Status.REJECTED, file, contract, table, rowsRead, 0, badRows, reason, report);
    }

    public boolean loaded() {
        return status == Status.LOADED;
    }

    public boolean hasReport() {
        return report != null;
    }

    /** The folder, under the tenant's folder, the partner file goes to once handled. */
    public String folder() {
        return loaded() ? "done" : "error";
    }
}
