package io.nl2q.hub.reports.schedule;

import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CallerAuthentication;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantDirectory;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A schedule firing (cron, run-now or data change) on whichever replica Quartz chose: starts its run and sends it
 * to route reports-run as the schedule's own caller (its tenant, analyst role), so the answer route binds and audits
 * it like any request. One run of a schedule at a time.
 */
@DisallowConcurrentExecution
public class ReportJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(ReportJob.class);
    private final Schedules schedules;
    private final ReportRuns runs;
    private final TenantDirectory tenants;
    private final ProducerTemplate producer;
    private final ScheduleTriggers triggers;

    public ReportJob(Schedules schedules, ReportRuns runs, TenantDirectory tenants, ProducerTemplate producer,
                     ScheduleTriggers triggers) {
        this.triggers = triggers;
        this.schedules = schedules;
        this.runs = runs;
        this.tenants = tenants;
        this.producer = producer;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        long scheduleId = Long.parseLong(data.getString(ScheduleTriggers.SCHEDULE_ID));
        Optional<Schedule> schedule = schedules.byId(scheduleId);
        if (schedule.isEmpty()) {
            return;
        }
        Schedule s = schedule.get();
        String firedBy = data.containsKey(ScheduleTriggers.FIRED_BY) ? data.getString(ScheduleTriggers.FIRED_BY)
                : "cron";
        if (firedBy.equals("cron") && !s.paused()) {
            triggers.scheduleNext(s, context.getScheduledFireTime().toInstant());
        }
        String given = data.containsKey(ScheduleTriggers.RUN_ID) ? data.getString(ScheduleTriggers.RUN_ID) : "0";
        long runId = Long.parseLong(given) > 0 ? Long.parseLong(given)
                : runs.start(s, firedBy);
        var tenant = tenants.find(s.tenantId()).orElse(null);
        if (tenant == null) {
            runs.end(runId, ReportRun.FAILED, "the tenant " + s.tenantId() + " is no longer configured");
            return;
        }
        Caller caller = new Caller(tenant, "schedule:" + s.id() + ":" + s.createdBy(), Set.of(Role.ANALYST));
        SecurityContextHolder.setContext(new SecurityContextImpl(new CallerAuthentication(caller)));
        try {
            producer.sendBody("direct:reports-run", runId);
            runs.settle(runId);
        } catch (RuntimeException e) {
            log.warn("report run {} of schedule {} failed", runId, scheduleId, e);
            runs.end(runId, ReportRun.FAILED, e.getMessage());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
