package io.nl2q.hub.reports.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.pipeline.DataAsOf;
import io.nl2q.hub.pipeline.QueryAnswer;
import io.nl2q.hub.reports.render.Rendered;
import io.nl2q.hub.reports.saved.SavedQuestionCatalog;
import io.nl2q.hub.reports.schedule.ReportRun;
import io.nl2q.hub.reports.schedule.ReportRuns;
import io.nl2q.hub.reports.schedule.Schedules;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The steps of route reports-run around the answer route: what to ask, what the answer means for the run (failed,
 * over the row cap, unchanged), and how the delivery ended.
 */
@Component("reportRunner")
public class ReportRunner {
    private final ObjectMapper json;
    private final ReportRuns runs;
    private final Schedules schedules;
    private final SavedQuestionCatalog savedQuestions;
    private final ObjectProvider<DataAsOf> asOf;

    ReportRunner(ObjectMapper json, ReportRuns runs, Schedules schedules, SavedQuestionCatalog savedQuestions,
                 ObjectProvider<DataAsOf> asOf) {
        this.json = json;
        this.asOf = asOf;
        this.runs = runs;
        this.schedules = schedules;
        this.savedQuestions = savedQuestions;
    }

    public RunOrder order(long runId) {
        ReportRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no report run " + runId));
        var schedule = schedules.byId(run.scheduleId()).orElseThrow(() -> new IllegalStateException(
                "the schedule of run " + runId + " is gone"));
        return new RunOrder(runId, schedule, savedQuestions.get(schedule.tenantId(), schedule.savedQuestion()));
    }

    /** The body the answer route reads: {"question"} or {"sql"}, as a client would send it. */
    public String request(RunOrder order) {
        var body = json.createObjectNode();
        if (order.savedQuestion().question() != null) {
            body.put("question", order.savedQuestion().question());
        } else {
            body.put("sql", order.savedQuestion().sql());
        }
        return body.toString();
    }

    /**
     * The answer, or null when it is the same as the last delivered one and the schedule sends only changes.
     * An answer cut at the row cap fails the run (an error answer already has: route reports-run catches it).
     */
    public Answered answer(RunOrder order, QueryAnswer answer) {
        if (answer.truncated()) {
            throw new ReportFailure("the result has more rows than the report's row cap (" + answer.rows().size()
                    + ", hub.warehouse.max-rows): nothing was sent rather than a cut report");
        }
        String hash = hash(answer);
        runs.read(order.runId(), answer.sql(), answer.rows().size(), 0, hash);
        if (order.schedule().onlyWhenChanged()
                && hash.equals(schedules.lastResultHash(order.schedule().id()).orElse(null))) {
            runs.end(order.runId(), ReportRun.SKIPPED, null);
            return null;
        }
        DataAsOf dates = asOf.getIfUnique();
        return new Answered(answer, hash, dates == null ? null : dates.asOf(order.tenantId()).orElse(null));
    }

    public void failed(RunOrder order, Throwable cause) {
        runs.end(order.runId(), ReportRun.FAILED, cause == null ? "failed" : cause.getMessage());
    }

    /** Before the delivery: the size of what is sent. */
    public void rendered(RunOrder order, Answered answered, Rendered rendered) {
        runs.read(order.runId(), answered.answer().sql(), rendered.rows(), rendered.content().length,
                answered.hash());
    }

    private String hash(QueryAnswer answer) {
        try {
            byte[] text = json.writeValueAsBytes(java.util.List.of(answer.columns(), answer.rows()));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run that cannot deliver for a reason of its own (an error answer, the row cap). */
    static final class ReportFailure extends RuntimeException {
        ReportFailure(String message) {
            super(Objects.requireNonNull(message));
        }
    }
}
