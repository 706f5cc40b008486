package io.nl2q.hub.reports.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A schedule's Quartz job and triggers, in the clustered JDBC job store: a cron fires on one replica only, and so do
 * run-now and data-change triggers. A schedule's job is durable; its triggers come and go.
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

    /** Sets its cron trigger again (after a change of cron or a pause/resume). */
    void reschedule(Schedule s) {
        try {
            scheduler.unscheduleJob(cronKey(s.id()));
            if (Schedule.CRON.equals(s.trigger()) && !s.paused()) {
                scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(cronKey(s.id())).forJob(job(s.id()))
                        .usingJobData(FIRED_BY, "cron")
                        .withSchedule(CronScheduleBuilder.cronSchedule(s.cron())
                                .inTimeZone(TimeZone.getTimeZone(s.timeZone()))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule " + s.id(), e);
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
