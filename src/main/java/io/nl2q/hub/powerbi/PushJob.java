package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one binding's rows into its Power BI push dataset: creates the dataset from the source's columns when it is
 * missing, clears the table first on a full refresh, then posts batches within the limits, committing progress after
 * each acknowledged batch, so a push started again continues where it stopped.
 * <p>A POST answered 5xx (or not at all) may have been stored: it is never simply sent again. The table's row count
 * settles it (stored: go on; not stored: send it again). When the count cannot settle it, a FULL push clears the
 * table and loads it again, and finally checks that the table holds exactly the source rows; an APPEND push sends the
 * batch again and says in its outcome that those rows may be there twice. A wait longer than {@code maxInlineWait}
 * (a long Retry-After, the hourly row budget) ends the try: the run is saved as WAITING until then and resumed by the
 * resume timer, holding no thread meanwhile.
 */
class PushJob {
    private static final Logger LOG = LoggerFactory.getLogger(PushJob.class);
    private final PowerBiApi api;
    private final PushLimiter limiter;
    private final PushRuns runs;
    private final PushProperties properties;
    private final PushClock clock;
    private final ObjectMapper json = new ObjectMapper();

    PushJob(PowerBiApi api, PushLimiter limiter, PushRuns runs, PushProperties properties, PushClock clock) {
        this.api = api;
        this.limiter = limiter;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What a push did.
     *
     * @param status   DONE, WAITING (resumes at {@code resumeAt}) or STOPPED (the hub stopped; resumes at its start)
     * @param verified the table's row count confirmed the rows (FULL: exactly the source rows)
     * @param warning  set when exactly-once cannot be shown (APPEND), or strings were cut
     */
    record Outcome(long runId, String status, String datasetId, boolean datasetCreated, boolean resumed, int batches,
                   long rows, long stringsCut, int reloads, boolean verified, Instant resumeAt, String warning) {
    }

    private enum Fate { STORED, NOT_STORED, UNKNOWN }

    Outcome push(PushProperties.Binding binding, Function<PushProperties.Binding, PushSource> sources)
            throws InterruptedException {
        return push(binding, sources, null);
    }

    Outcome push(PushProperties.Binding binding, Function<PushProperties.Binding, PushSource> sources,
                 String requestedBy) throws InterruptedException {
        PushSource source = sources.apply(binding);
        var open = runs.open(binding.name());
        PushRuns.Run run = open.orElseGet(() -> runs.start(binding.tenant(), binding.name(), binding.tableName(),
                binding.mode(), requestedBy));
        boolean resumed = open.isPresent() && open.get().datasetId() != null;
        if ("WAITING".equals(run.status()) && run.resumeAt() != null && clock.now().isBefore(run.resumeAt())) {
            return outcome(run, "WAITING", resumed, false, run.message());
        }
        runs.running(run.id());
        try {
            return proceed(binding, source, runs.get(run.id()), resumed);
        } catch (PowerBiApi.RetryLater e) {
            LOG.info("push {}: {}; resuming at {}", binding.name(), e.getMessage(), e.at());
            runs.waitUntil(run.id(), e.at(), e.getMessage());
            return outcome(runs.get(run.id()), "WAITING", resumed, false, e.getMessage());
        } catch (PushClock.Stopping e) {
            String message = "the hub stopped during the push; it resumes where it was at the next start";
            runs.waitUntil(run.id(), clock.now(), message);
            return outcome(runs.get(run.id()), "STOPPED", resumed, false, message);
        } catch (RuntimeException e) {
            runs.parked(run.id(), e.getMessage());
            throw e;
        }
    }

    private Outcome proceed(PushProperties.Binding binding, PushSource source, PushRuns.Run start, boolean resumed)
            throws InterruptedException {
        PushRuns.Run run = start;
        if (run.datasetId() == null) {
            run = dataset(binding, source, run);
        }
        Counter counter = new Counter(binding.groupId(), run.datasetId(), run.tableName());
        if (run.mode() == PushProperties.Mode.APPEND && run.baselineRows() == null) {
            // counted before the first batch only; a count taken later would include rows of this run
            long baseline = run.rowsSent() == 0 ? counter.count().orElse(-1L) : -1L;
            runs.baseline(run.id(), baseline);
            run = runs.get(run.id());
        }
        String warning = null;
        int reloadsHere = 0;
        while (true) {
            if (run.mode() == PushProperties.Mode.FULL && !run.rowsCleared()) {
                api.deleteRows(binding.groupId(), run.datasetId(), run.tableName());
                runs.cleared(run.id(), true);
                run = runs.get(run.id());
            }
            Batches result = batches(binding, source, run, counter);
            run = runs.get(run.id());
            warning = result.warning() != null ? result.warning() : warning;
            if (!result.reload()) {
                long expected = run.mode() == PushProperties.Mode.FULL ? run.rowsSent()
                        : run.baselineRows() != null && run.baselineRows() >= 0 ? run.baselineRows() + run.rowsSent()
                        : -1;
                Optional<Long> count = expected < 0 ? Optional.empty() : counter.count();
                if (count.isEmpty() || count.get() == expected) {
                    return finish(binding, run, resumed, count.isPresent(), warning);
                }
                if (run.mode() == PushProperties.Mode.APPEND) {
                    return finish(binding, run, resumed, false, "the table holds " + count.get() + " rows where "
                            + expected + " were expected (another writer?): exactly-once cannot be shown");
                }
                LOG.warn("push {}: the table holds {} rows, the source {}; clearing and loading it again",
                        binding.name(), count.get(), expected);
            }
            if (++reloadsHere > properties.maxReloads()) {
                throw new PowerBiException("push " + binding.name() + ": the table could not be shown to hold exactly"
                        + " the source rows after " + properties.maxReloads() + " reloads", null);
            }
            runs.reloaded(run.id());
            run = runs.get(run.id());
        }
    }

    /** What a pass over the batches ended with: done, or a FULL table to clear and load again. */
    private record Batches(boolean reload, String warning) {
    }

    private Batches batches(PushProperties.Binding binding, PushSource source, PushRuns.Run run, Counter counter)
            throws InterruptedException {
        List<PushColumn> columns = source.columns();
        boolean full = run.mode() == PushProperties.Mode.FULL;
        long base = full ? 0 : run.baselineRows() == null ? -1 : run.baselineRows();
        long offset = run.rowsSent();
        int batch = run.batchesSent();
        long cut = run.stringsCut();
        String warning = null;
        boolean unknownInFlight = run.inFlightBatch() != null;
        int attempts = 0;
        while (true) {
            List<List<Object>> rows = source.read(offset, properties.batchSize());
            if (rows.isEmpty()) {
                return new Batches(false, warning);
            }
            Body body = body(columns, rows);
            Fate fate;
            if (unknownInFlight) {
                // the hub stopped between this batch's POST and its commit
                unknownInFlight = false;
                fate = counter.fate(base, offset, rows.size());
                if (fate == Fate.NOT_STORED) {
                    runs.batchDone(run.id(), batch, offset, cut);
                    continue;
                }
            } else {
                awaitLimits(run.datasetId(), rows.size());
                limiter.pending(run.datasetId());
                try {
                    runs.inFlight(run.id(), batch);
                    api.postRows(binding.groupId(), run.datasetId(), run.tableName(), body.json());
                    fate = Fate.STORED;
                } catch (PowerBiApi.AmbiguousWrite e) {
                    fate = counter.fate(base, offset, rows.size());
                    LOG.warn("push {}: batch {} {}; the row count says {}", binding.name(), batch, e.getMessage(), fate);
                } catch (PowerBiException e) {
                    // refused: not stored. Progress stays committed; the next try resumes here
                    runs.batchDone(run.id(), batch, offset, cut);
                    throw e;
                } finally {
                    limiter.release(run.datasetId());
                }
            }
            if (fate == Fate.UNKNOWN && full) {
                return new Batches(true, warning);
            }
            if (fate == Fate.UNKNOWN) {
                warning = "batch " + batch + " (rows " + offset + " to " + (offset + rows.size() - 1) + ") got no"
                        + " clear answer and the table's row count could not settle it: it was sent again, so its rows"
                        + " may be in the table twice (exactly-once cannot be shown for this APPEND push)";
                LOG.warn("push {}: {}", binding.name(), warning);
            }
            if (fate != Fate.STORED) {
                runs.batchDone(run.id(), batch, offset, cut);
                if (++attempts >= properties.maxAttempts()) {
                    throw new PowerBiException("push " + binding.name() + ": batch " + batch + " was not stored after "
                            + attempts + " attempts", null);
                }
                clock.sleep(properties.firstBackoff().multipliedBy(1L << (attempts - 1)));
                continue;
            }
            attempts = 0;
            cut += body.stringsCut();
            batch++;
            offset += rows.size();
            runs.batchDone(run.id(), batch, offset, cut);
            if (rows.size() < properties.batchSize()) {
                return new Batches(false, warning);
            }
        }
    }

    /** Waits for the push limits when the wait is short; a longer one ends the try (resumed by the timer). */
    private void awaitLimits(String datasetId, int rows) throws InterruptedException {
        while (true) {
            Optional<Instant> at = limiter.reserve(datasetId, rows);
            if (at.isEmpty()) {
                return;
            }
            Duration wait = Duration.between(clock.now(), at.get());
            if (wait.compareTo(properties.maxInlineWait()) > 0) {
                throw new PowerBiApi.RetryLater("the push limits of the dataset (rows per hour, requests per minute)"
                        + " allow the next batch at " + at.get(), at.get());
            }
            clock.sleep(wait);
        }
    }

    private PushRuns.Run dataset(PushProperties.Binding binding, PushSource source, PushRuns.Run run)
            throws InterruptedException {
        String datasetId = null;
        for (PowerBiApi.Dataset d : api.datasets(binding.groupId())) {
            if (d.name().equals(binding.datasetName())) {
                datasetId = d.id();
            }
        }
        boolean created = false;
        if (datasetId == null) {
            datasetId = api.postDataset(binding.groupId(), binding.datasetName(), binding.tableName(),
                    source.columns());
            created = true;
        } else if (!api.tables(binding.groupId(), datasetId).contains(binding.tableName())) {
            throw new PowerBiException("the dataset " + binding.datasetName() + " has no table "
                    + binding.tableName(), null);
        }
        runs.dataset(run.id(), datasetId, created);
        return runs.get(run.id());
    }

    /** Row counts of the push's table; once the service refuses to count, it is not asked again in this try. */
    private final class Counter {
        private final String group;
        private final String dataset;
        private final String table;
        private boolean refused;

        Counter(String group, String dataset, String table) {
            this.group = group;
            this.dataset = dataset;
            this.table = table;
        }

        Optional<Long> count() throws InterruptedException {
            if (refused) {
                return Optional.empty();
            }
            Optional<Long> n = api.rowCount(group, dataset, table);
            refused = n.isEmpty();
            return n;
        }

        /** Whether a batch of {@code rows} sent at {@code offset} is in the table, the table holding {@code base}. */
        Fate fate(long base, long offset, int rows) throws InterruptedException {
            if (base < 0) {
                return Fate.UNKNOWN;
            }
            Optional<Long> n = count();
            if (n.isEmpty()) {
                return Fate.UNKNOWN;
            }
            return n.get() == base + offset + rows ? Fate.STORED : n.get() == base + offset ? Fate.NOT_STORED
                    : Fate.UNKNOWN;
        }
    }

    private Outcome finish(PushProperties.Binding binding, PushRuns.Run run, boolean resumed, boolean verified,
                           String warning) {
        String message = warning;
        if (run.stringsCut() > 0) {
            String cut = run.stringsCut() + " strings were longer than " + properties.maxStringLength()
                    + " characters and were cut";
            LOG.warn("push {}: {}", binding.name(), cut);
            message = message == null ? cut : message + "; " + cut;
        }
        runs.finish(run.id(), "DONE", message);
        return outcome(runs.get(run.id()), "DONE", resumed, verified, message);
    }

    private static Outcome outcome(PushRuns.Run run, String status, boolean resumed, boolean verified,
                                   String warning) {
        return new Outcome(run.id(), status, run.datasetId(), run.datasetCreated(), resumed, run.batchesSent(),
                run.rowsSent(), run.stringsCut(), run.reloads(), verified, run.resumeAt(),
                "DONE".equals(status) ? warning : run.message());
    }

    record Body(String json, long stringsCut) {
    }

    /** {"rows": [{column: value, ...}, ...]}, strings cut at the limit. */
    Body body(List<PushColumn> columns, List<List<Object>> rows) {
        long cut = 0;
        var out = new StringWriter(rows.size() * 64);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("rows");
            for (List<Object> row : rows) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    Object v = row.get(i);
                    if (v instanceof String s && s.length() > properties.maxStringLength()) {
                        v = s.substring(0, properties.maxStringLength());
                        cut++;
                    }
                    g.writeFieldName(columns.get(i).name());
                    g.writeObject(v);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Body(out.toString(), cut);
    }
}
