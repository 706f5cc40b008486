package io.nl2q.hub.reports.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A schedule's Quartz job and triggers, in the clustered JDBC job store: a cron firing runs on one replica only, and
 * so do run-now and data-change triggers. A schedule's job is durable; its triggers come and go.
 */
@Component
class ScheduleTriggers {
    static final String GROUP = "reports";
    static final String SCHEDULE_ID = "scheduleId";
    static final String RUN_ID = "runId";
    static final String FIRED_BY = "firedBy";
    private final Scheduler scheduler;
    private final Duration coalesce;

    ScheduleTriggers(Scheduler scheduler, @Value("${hub.reports.data-change-coalesce:10s}") Duration coalesce) {
        this.scheduler = scheduler;
        this.coalesce = coalesce;
    }

    void register(Schedule s) {
        try {
            scheduler.addJob(JobBuilder.newJob(ReportJob.class).withIdentity(job(s.id())).storeDurably()
                    .usingJobData(SCHEDULE_ID, String.valueOf(s.id())).build(), true);
            reschedule(s);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not register schedule " + s.id(), e);
        }
    }

    /**
     * Sets its next cron firing again (after a change of cron or a pause/resume): a one-shot trigger at the time
     * {@link CronTimes} gives, which the job replaces by the next one when it fires (so DST gaps lose no run).
     */
    void reschedule(Schedule s) {
        try {
            scheduler.unscheduleJob(cronKey(s.id()));
            if (Schedule.CRON.equals(s.trigger()) && !s.paused()) {
                scheduleNext(s, Instant.now());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + s.id(), e);
        }
    }

    /** The cron firing after {@code after} (its scheduled time when the job fires), replacing the last one. */
    void scheduleNext(Schedule s, Instant after) {
        Instant next = new CronTimes(s.cron(), java.time.ZoneId.of(s.timeZone())).next(after);
        if (next == null) {
            return;
        }
        if (next.isBefore(Instant.now())) { // the hub was down: one late run now, then on time again
            next = new CronTimes(s.cron(), java.time.ZoneId.of(s.timeZone())).next(Instant.now());
        }
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(cronKey(s.id())).forJob(job(s.id()))
                .usingJobData(FIRED_BY, "cron").usingJobData(RUN_ID, "0").startAt(Date.from(next))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(cronKey(s.id()))) {
                scheduler.rescheduleJob(cronKey(s.id()), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule the next run of " + s.id(), e);
        }
    }

    void runNow(long scheduleId, long runId) {
        fireOnce(scheduleId, TriggerKey.triggerKey("report-" + scheduleId + "-run-" + runId, GROUP), Instant.now(),
                "manual", runId);
    }

    /** Runs once after a data change; a burst of changes within the coalescing window runs it once. */
    boolean afterDataChange(long scheduleId) {
        return fireOnce(scheduleId, TriggerKey.triggerKey("report-" + scheduleId + "-change", GROUP),
                Instant.now().plus(coalesce), "data-change", 0);
    }

    private boolean fireOnce(long scheduleId, TriggerKey key, Instant at, String firedBy, long runId) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job(scheduleId)).startAt(Date.from(at))
                .usingJobData(FIRED_BY, firedBy).usingJobData(RUN_ID, String.valueOf(runId)).build();
        try {
            scheduler.scheduleJob(trigger);
            return true;
        } catch (ObjectAlreadyExistsException e) {
            return false;
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not trigger schedule " + scheduleId, e);
        }
    }

    void delete(long scheduleId) {
        try {
            scheduler.deleteJob(job(scheduleId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not delete the job of schedule " + scheduleId, e);
        }
    }

    static JobKey job(long scheduleId) {
        return JobKey.jobKey("report-" + scheduleId, GROUP);
    }

    private static TriggerKey cronKey(long scheduleId) {
        return TriggerKey.triggerKey("report-" + scheduleId + "-cron", GROUP);
    }
}
