package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one binding's rows into its Power BI push dataset: creates the dataset from the source's columns when it is
 * missing, clears the table first on a full refresh, then posts batches within the limits, committing progress after
 * each acknowledged batch. Started again after a stop, it continues the open push: rows already acknowledged are not
 * sent again. When the stop fell between a POST and its commit (the batch's fate unknown), a full refresh starts over
 * from DeleteRows, so the table still ends with every row once; an append resends that batch and says so in the
 * outcome, since Power BI has no idempotency key to ask with.
 */
class PushJob {
    private static final Logger LOG = LoggerFactory.getLogger(PushJob.class);
    private final PowerBiApi api;
    private final PushLimiter limiter;
    private final PushRuns runs;
    private final PushProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    PushJob(PowerBiApi api, PushLimiter limiter, PushRuns runs, PushProperties properties) {
        this.api = api;
        this.limiter = limiter;
        this.runs = runs;
        this.properties = properties;
    }

    /** What a push did. */
    record Outcome(long runId, String datasetId, boolean datasetCreated, boolean resumed, int batches, long rows,
                   long stringsCut, String warning) {
    }

    Outcome push(PushProperties.Binding binding, Function<PushProperties.Binding, PushSource> sources)
            throws InterruptedException {
        PushSource source = sources.apply(binding);
        var open = runs.open(binding.name());
        boolean resumed = open.isPresent();
        boolean created = false;
        String warning = null;
        PushRuns.Run run;
        if (open.isPresent()) {
            run = open.get();
            if (run.inFlightBatch() != null) {
                if (run.mode() == PushProperties.Mode.FULL) {
                    LOG.warn("push {}: batch {} was in flight at the stop; starting the full refresh over",
                            binding.name(), run.inFlightBatch());
                    runs.cleared(run.id(), false);
                    run = runs.get(run.id());
                } else {
                    warning = "batch " + run.inFlightBatch() + " was in flight when the hub stopped and is sent "
                            + "again; its rows may appear twice";
                    LOG.warn("push {}: {}", binding.name(), warning);
                }
            }
        } else {
            String datasetId = null;
            for (PowerBiApi.Dataset d : api.datasets(binding.groupId())) {
                if (d.name().equals(binding.datasetName())) {
                    datasetId = d.id();
                }
            }
            if (datasetId == null) {
                datasetId = api.postDataset(binding.groupId(), binding.datasetName(), binding.tableName(),
                        source.columns());
                created = true;
            } else if (!api.tables(binding.groupId(), datasetId).contains(binding.tableName())) {
                throw new PowerBiException("the dataset " + binding.datasetName() + " has no table "
                        + binding.tableName(), null);
            }
            run = runs.start(binding.tenant(), binding.name(), datasetId, binding.tableName(), binding.mode());
        }
        if (run.mode() == PushProperties.Mode.FULL && !run.rowsCleared()) {
            api.deleteRows(binding.groupId(), run.datasetId(), run.tableName());
            runs.cleared(run.id(), true);
            run = runs.get(run.id());
        }
        List<PushColumn> columns = source.columns();
        long offset = run.rowsSent();
        int batch = run.batchesSent();
        long cut = run.stringsCut();
        try {
            while (true) {
                List<List<Object>> rows = source.read(offset, properties.batchSize());
                if (rows.isEmpty()) {
                    break;
                }
                Body body = body(columns, rows);
                cut += body.stringsCut();
                limiter.acquire(run.datasetId(), rows.size());
                try {
                    runs.inFlight(run.id(), batch);
                    api.postRows(binding.groupId(), run.datasetId(), run.tableName(), body.json());
                } finally {
                    limiter.release(run.datasetId());
                }
                batch++;
                offset += rows.size();
                runs.batchDone(run.id(), batch, offset, cut);
                if (rows.size() < properties.batchSize()) {
                    break;
                }
            }
        } catch (PowerBiException e) {
            // progress stays committed; the next try (a redelivery or a replay) resumes this run. A batch Power BI
            // answered with an error was not taken; one lost on the network stays marked in flight (fate unknown).
            if (e.getCause() == null) {
                runs.batchDone(run.id(), batch, offset, cut);
            }
            throw e;
        }
        if (cut > 0) {
            LOG.warn("push {}: {} strings were longer than {} characters and were cut", binding.name(), cut,
                    properties.maxStringLength());
        }
        runs.finish(run.id(), "DONE", warning);
        return new Outcome(run.id(), run.datasetId(), created, resumed, batch, offset, cut, warning);
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
