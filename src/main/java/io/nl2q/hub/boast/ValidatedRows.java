package io.nl2q.hub.boast;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A file's records parsed and validated on a thread of their own while the loading thread writes the valid rows:
 * the two halves of a load overlap on two cores instead of taking turns. Bounded: at most {@value #QUEUED} batches
 * of {@value #BATCH} rows wait, so a file of any size holds a few thousand rows in memory. The error report is
 * written by the parsing thread only, and is complete once {@link #forEach} has returned.
 */
final class ValidatedRows implements AutoCloseable {
    static final int BATCH = 4096;
    static final int QUEUED = 8;

    /** Receives the valid rows, on the thread that called {@link #forEach}. */
    @FunctionalInterface
    interface Sink {
        void row(Object[] row) throws SQLException;
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Iterator<CsvRecord> records;
    private final RowValidator validator;
    private final ErrorReport report;
    private final Thread parser;
    private volatile boolean cancelled;
    private long good;
    private long bad;

    private record Batch(Object[][] rows, int size, boolean last, RuntimeException failure) {
    }

    ValidatedRows(Iterator<CsvRecord> records, RowValidator validator, ErrorReport report, String fileName) {
        this.records = records;
        this.validator = validator;
        this.report = report;
        this.parser = new Thread(this::parse, "boast-parse-" + fileName);
        parser.setDaemon(true);
    }

    /** Starts parsing and hands every valid row to {@code sink}; rethrows what stopped the parse. */
    void forEach(Sink sink) throws SQLException {
        parser.start();
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
            if (batch.failure() != null) {
                throw batch.failure();
            }
            for (int i = 0; i < batch.size(); i++) {
                sink.row(batch.rows()[i]);
            }
            if (batch.last()) {
                return;
            }
        }
    }

    /** Rows that passed validation; final once {@link #forEach} has returned. */
    long good() {
        return good;
    }

    /** Rows refused and reported; final once {@link #forEach} has returned. */
    long bad() {
        return bad;
    }

    private void parse() {
        try {
            long rowNumber = 1;
            Object[][] rows = new Object[BATCH][];
            int size = 0;
            while (hasNext(rowNumber + 1)) {
                Object[] row = validator.row(records.next(), ++rowNumber, report);
                if (row == null) {
                    bad++;
                    continue;
                }
                good++;
                rows[size++] = row;
                if (size == BATCH) {
                    hand(new Batch(rows, size, false, null));
                    rows = new Object[BATCH][];
                    size = 0;
                }
            }
            hand(new Batch(rows, size, true, null));
        } catch (Cancelled e) {
            // the loading thread gave up; nobody waits for more rows
        } catch (RuntimeException e) {
            try {
                hand(new Batch(null, 0, true, e));
            } catch (Cancelled ignored) {
                // nobody waits for the failure either
            }
        }
    }

    private boolean hasNext(long row) {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw new MalformedFile(row, e);
        }
    }

    private void hand(Batch batch) {
        if (cancelled) {
            throw new Cancelled();
        }
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /** Stops the parsing thread if the load ended early, and waits for it, so the file can be closed. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A quote left open or a field beyond the parser's buffer: the file is refused at this row. */
    static final class MalformedFile extends RuntimeException {
        private final long row;

        MalformedFile(long row, CsvParseException cause) {
            super(cause.getCause() != null && cause.getCause().getMessage() != null
                    ? cause.getCause().getMessage() : cause.getMessage(), cause);
            this.row = row;
        }

        long row() {
            return row;
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
