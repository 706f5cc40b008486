package io.nl2q.hub.reports.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nl2q.hub.reports.SavedQuestion;
import io.nl2q.hub.reports.SavedQuestions;
import io.nl2q.hub.reports.saved.SavedQuestionsApi;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CallerAuthentication;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantDirectory;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the configured Power BI refreshes ({@code hub.powerbi.refresh.datasets[]} with a {@code cron} or
 * {@code after-load-of}) schedules of the reports scheduler, at start: for each, a saved question
 * {@code powerbi_refresh_<name>} reading the tables it follows, and one schedule of it (a cron one, an
 * on-data-change one, or both) whose destination is the dataset's refresh. So configured refreshes run on clustered
 * Quartz like every schedule: exactly once across replicas, with runs, retries, parking and metrics, listed by
 * {@code GET /api/v1/schedules}. The configuration stays the source: a changed cron or zone is applied at the next
 * start; the schedules are owned by {@code config:powerbi-refresh}.
 */
@Component
@EnableConfigurationProperties(RefreshScheduleProperties.class)
class ConfiguredRefreshSchedules {
    static final String OWNER = "config:powerbi-refresh";
    private static final Logger log = LoggerFactory.getLogger(ConfiguredRefreshSchedules.class);
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private final RefreshScheduleProperties properties;
    private final TenantDirectory tenants;
    private final SavedQuestionsApi savedQuestionsApi;
    private final SavedQuestions savedQuestions;
    private final SchedulesApi schedulesApi;
    private final Schedules schedules;
    private final ScheduleTriggers triggers;
    private final ObjectMapper json;

    ConfiguredRefreshSchedules(RefreshScheduleProperties properties, TenantDirectory tenants,
                               SavedQuestionsApi savedQuestionsApi, SavedQuestions savedQuestions,
                               SchedulesApi schedulesApi, Schedules schedules, ScheduleTriggers triggers,
                               ObjectMapper json) {
        this.properties = properties;
        this.tenants = tenants;
        this.savedQuestionsApi = savedQuestionsApi;
        this.savedQuestions = savedQuestions;
        this.schedulesApi = schedulesApi;
        this.schedules = schedules;
        this.triggers = triggers;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        for (RefreshScheduleProperties.Dataset d : properties.datasets()) {
            if (!d.scheduled() || d.tenant() == null) {
                continue;
            }
            var tenant = tenants.find(d.tenant());
            if (tenant.isEmpty()) {
                log.warn("Power BI refresh {}: no tenant {}", d.name(), d.tenant());
                continue;
            }
            Caller owner = new Caller(tenant.get(), OWNER, Set.of(Role.ANALYST));
            SecurityContextHolder.setContext(new SecurityContextImpl(new CallerAuthentication(owner)));
            try {
                apply(d, owner);
            } catch (RuntimeException e) {
                log.warn("Power BI refresh {} is not scheduled: {}", d.name(), e.getMessage());
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    private void apply(RefreshScheduleProperties.Dataset d, Caller owner) {
        String tenant = d.tenant();
        String name = "powerbi_refresh_" + d.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        long saved = savedQuestions.find(tenant, name).map(SavedQuestion::id).orElseGet(() -> save(name, d, owner));
        List<Schedule> existing = schedules.list(tenant).stream()
                .filter(s -> s.savedQuestion() == saved && OWNER.equals(s.createdBy())).toList();
        String zone = d.timeZone() == null ? "UTC" : d.timeZone();
        if (d.cron() != null) {
            var cron = existing.stream().filter(s -> Schedule.CRON.equals(s.trigger())).findFirst();
            if (cron.isEmpty()) {
                create(saved, d, Schedule.CRON, zone, owner);
            } else if (!d.cron().equals(cron.get().cron()) || !zone.equals(cron.get().timeZone())) {
                Schedule s = cron.get();
                Schedule changed = new Schedule(s.id(), s.tenantId(), s.savedQuestion(), s.trigger(), d.cron(), zone,
                        s.format(), s.destination(), false, s.paused(), s.createdBy(), s.createdAt());
                schedules.update(changed);
                triggers.reschedule(changed);
            }
        }
        if (!d.afterLoadOf().isEmpty()
                && existing.stream().noneMatch(s -> Schedule.ON_DATA_CHANGE.equals(s.trigger()))) {
            create(saved, d, Schedule.ON_DATA_CHANGE, zone, owner);
        }
        log.info("Power BI refresh {} of {} runs on the reports scheduler (saved question {})", d.name(), tenant, name);
    }

    /** A question reading the tables whose load refreshes the dataset (a row count each), so the trigger sees them. */
    private long save(String name, RefreshScheduleProperties.Dataset d, Caller owner) {
        // a cron-only refresh reads nothing in particular: the smallest table of the schema stands in
        List<String> tables = d.afterLoadOf().isEmpty() ? List.of("territory") : d.afterLoadOf();
        for (String t : tables) {
            if (!TABLE.matcher(t).matches()) {
                throw new IllegalArgumentException("after-load-of holds a name that is not a table: " + t);
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        if (tables.size() == 1) {
            sql.append("COUNT(*) AS ").append(tables.get(0)).append("_rows FROM ").append(tables.get(0));
        } else {
            for (int i = 0; i < tables.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(tables.get(i)).append(") AS ")
                        .append(tables.get(i)).append("_rows");
            }
        }
        try {
            return savedQuestionsApi.create(json.createObjectNode().put("name", name).put("sql", sql.toString())
                    .toString(), owner).id();
        } catch (DataIntegrityViolationException e) { // another replica saved it at the same moment
            return savedQuestions.find(d.tenant(), name).orElseThrow(() -> e).id();
        }
    }

    private void create(long saved, RefreshScheduleProperties.Dataset d, String trigger, String zone, Caller owner) {
        var body = json.createObjectNode().put("savedQuestion", saved).put("trigger", trigger).put("timeZone", zone)
                .put("format", "csv");
        if (Schedule.CRON.equals(trigger)) {
            body.put("cron", d.cron());
        }
        body.putObject("destination").put("type", "powerbi").put("dataset", d.name());
        schedulesApi.create(body.toString(), owner);
    }
}
