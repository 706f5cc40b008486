package io.nl2q.hub.reports.schedule;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a schedule's cron fires, as Quartz computes it for its trigger (the same {@link CronExpression} in the
 * schedule's time zone), from a clock's now: what the API shows as a schedule's next runs.
 */
public final class CronTimes {
    private final CronExpression cron;

    public CronTimes(String cron, ZoneId zone) {
        try {
            this.cron = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron: " + cron, e);
        }
        this.cron.setTimeZone(TimeZone.getTimeZone(zone));
    }

    /** The fire times after the clock's now and up to {@code until}, in order. */
    public List<Instant> between(Clock clock, Instant until) {
        List<Instant> times = new ArrayList<>();
        Date next = cron.getNextValidTimeAfter(Date.from(clock.instant()));
        while (next != null && !next.toInstant().isAfter(until)) {
            times.add(next.toInstant());
            next = cron.getNextValidTimeAfter(next);
        }
        return List.copyOf(times);
    }
}
