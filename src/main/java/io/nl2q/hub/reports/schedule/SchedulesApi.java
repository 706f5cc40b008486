package io.nl2q.hub.reports.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.reports.JsonBodies;
import io.nl2q.hub.reports.saved.SavedQuestionCatalog;
import io.nl2q.hub.security.Caller;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * {@code /api/v1/schedules}: creates, changes (pause, resume, cron), deletes and runs a tenant's schedules. Every
 * invalid field is a 400 BAD_REQUEST that names it.
 */
@Component("schedulesApi")
public class SchedulesApi {
    private final ObjectMapper json;
    private final Schedules schedules;
    private final ScheduleTriggers triggers;
    private final ReportRuns runs;
    private final Destinations destinations;
    private final SavedQuestionCatalog savedQuestions;
    private final Clock clock;

    SchedulesApi(ObjectMapper json, Schedules schedules, ScheduleTriggers triggers, ReportRuns runs,
                 Destinations destinations, SavedQuestionCatalog savedQuestions, Optional<Clock> clock) {
        this.json = json;
        this.schedules = schedules;
        this.triggers = triggers;
        this.runs = runs;
        this.destinations = destinations;
        this.savedQuestions = savedQuestions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Schedule create(String body, Caller caller) {
        JsonNode root = JsonBodies.object(json, body);
        String tenant = caller.tenant().id();
        JsonNode saved = root.get("savedQuestion");
        if (saved == null || !saved.canConvertToLong() || savedQuestions.find(tenant, saved.asLong()).isEmpty()) {
            throw JsonBodies.bad("savedQuestion", "must be the id of a saved question of your tenant");
        }
        String trigger = text(root, "trigger").orElse(Schedule.CRON);
        if (!trigger.equals(Schedule.CRON) && !trigger.equals(Schedule.ON_DATA_CHANGE)) {
            throw JsonBodies.bad("trigger", "must be \"cron\" or \"on-data-change\"");
        }
        String cron = text(root, "cron").orElse(null);
        if (trigger.equals(Schedule.CRON) || cron != null) {
            checkCron(cron);
        }
        String zone = text(root, "timeZone").orElse("UTC");
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw JsonBodies.bad("timeZone", "must be an IANA time zone such as America/New_York");
        }
        String format = text(root, "format").orElse(null);
        if (format == null || !Schedule.FORMATS.contains(format)) {
            throw JsonBodies.bad("format", "must be one of csv, xlsx, html");
        }
        Map<String, Object> destination = destinations.check(root.get("destination"), tenant);
        boolean onlyWhenChanged = bool(root, "onlyWhenChanged", false);
        Schedule draft = new Schedule(0, tenant, saved.asLong(), trigger, cron, zone, format, destination,
                onlyWhenChanged, false, caller.subject(), clock.instant());
        long id = schedules.insert(draft);
        Schedule s = schedules.get(tenant, id);
        triggers.register(s);
        return s;
    }

    public List<Schedule> list(Caller caller) {
        return schedules.list(caller.tenant().id());
    }

    public Schedule get(String id, Caller caller) {
        return schedules.get(caller.tenant().id(), id(id));
    }

    /** {"paused": true|false} and/or {"cron": "..."}. */
    public Schedule patch(String id, String body, Caller caller) {
        Schedule s = get(id, caller);
        JsonNode root = JsonBodies.object(json, body);
        if (!root.has("paused") && !root.has("cron")) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.REQUEST,
                    "send the field \"paused\" (true or false) and/or \"cron\"");
        }
        boolean paused = bool(root, "paused", s.paused());
        String cron = s.cron();
        if (root.has("cron")) {
            cron = text(root, "cron").orElse(null);
            checkCron(cron);
        }
        Schedule changed = new Schedule(s.id(), s.tenantId(), s.savedQuestion(), s.trigger(), cron, s.timeZone(),
                s.format(), s.destination(), s.onlyWhenChanged(), paused, s.createdBy(), s.createdAt());
        schedules.update(changed);
        triggers.reschedule(changed);
        return changed;
    }

    public String delete(String id, Caller caller) {
        Schedule s = get(id, caller);
        triggers.delete(s.id());
        schedules.delete(s.tenantId(), s.id());
        return null;
    }

    /** Runs it now on whichever replica Quartz picks; the run id is known at once. */
    public Map<String, Object> run(String id, Caller caller) {
        Schedule s = get(id, caller);
        long runId = runs.start(s, "manual");
        triggers.runNow(s.id(), runId);
        return Map.of("runId", runId, "scheduleId", s.id(), "status", ReportRun.RUNNING);
    }

    public List<ReportRun> runs(String id, Caller caller) {
        Schedule s = get(id, caller);
        return runs.list(s.tenantId(), s.id(), 100);
    }

    private static void checkCron(String cron) {
        if (cron == null || cron.length() > 120 || !CronExpression.isValidExpression(cron)) {
            throw JsonBodies.bad("cron", "must be a Quartz cron expression such as \"0 0 7 ? * MON\"");
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new HubException(ErrorCode.NOT_FOUND, Phase.REQUEST, "no schedule " + id);
        }
    }


    private static Optional<String> text(JsonNode root, String field) {
        return Optional.ofNullable(JsonBodies.text(root, field));
    }

    private static boolean bool(JsonNode root, String field, boolean otherwise) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            throw JsonBodies.bad(field, "must be true or false");
        }
        return v.asBoolean();
    }
}
