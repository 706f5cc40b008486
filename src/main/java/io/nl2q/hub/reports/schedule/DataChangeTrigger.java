package io.nl2q.hub.reports.schedule;

import io.nl2q.hub.events.TenantDataListener;
import io.nl2q.hub.reports.saved.SavedQuestionCatalog;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a tenant's data changed (a BOAST load, a CRM sync: {@code io.nl2q.data.changed}), runs once each of its
 * on-data-change schedules whose saved question reads a changed table; a burst of changes runs a schedule once.
 */
@Component
class DataChangeTrigger implements TenantDataListener {
    private static final Logger log = LoggerFactory.getLogger(DataChangeTrigger.class);
    private final Schedules schedules;
    private final SavedQuestionCatalog savedQuestions;
    private final ScheduleTriggers triggers;

    DataChangeTrigger(Schedules schedules, SavedQuestionCatalog savedQuestions, ScheduleTriggers triggers) {
        this.schedules = schedules;
        this.savedQuestions = savedQuestions;
        this.triggers = triggers;
    }

    @Override
    public void dataChanged(String tenantId, Set<String> tables) {
        for (Schedule s : schedules.onDataChange(tenantId)) {
            String sql = savedQuestions.find(tenantId, s.savedQuestion()).map(q -> q.compiledSql()).orElse(null);
            if (sql != null && (tables.isEmpty() || tables.stream().anyMatch(t -> reads(sql, t)))) {
                boolean queued = triggers.afterDataChange(s.id());
                log.info("data of {} changed ({}): schedule {} {}", tenantId, tables, s.id(),
                        queued ? "runs shortly" : "already runs shortly (coalesced)");
            }
        }
    }

    static boolean reads(String sql, String table) {
        String name = table.toLowerCase(Locale.ROOT).replaceFirst("^.*\\.", "");
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(sql.toLowerCase(Locale.ROOT)).find();
    }
}
