package io.nl2q.hub.reports.deliver;

import io.nl2q.hub.reports.saved.SavedQuestionEntry;
import io.nl2q.hub.reports.schedule.Schedule;
import java.util.Objects;

/** What one run delivers: its id, the schedule and the saved question it reads. */
public record RunOrder(long runId, Schedule schedule, SavedQuestionEntry savedQuestion) {
    public RunOrder {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(savedQuestion, "savedQuestion");
    }

    public String tenantId() {
        return schedule.tenantId();
    }

    public String destinationType() {
        return schedule.destinationType();
    }
}
