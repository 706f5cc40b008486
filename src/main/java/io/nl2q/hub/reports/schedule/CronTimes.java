package io.nl2q.hub.reports.schedule;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a schedule's Quartz cron fires in its time zone. Quartz's own {@link CronExpression} skips a time that the
 * spring-forward gap removes (a daily 02:30 in New York never fires on the second Sunday of March); here such a run
 * happens at the same instant shifted by the gap (03:30), as java.time resolves it, so no run is lost. A time that
 * the fall-back overlap repeats fires once.
 */
public final class CronTimes {
    private final CronExpression cron;
    private final ZoneId zone;
    private final String expression;

    public CronTimes(String cron, ZoneId zone) {
        this.expression = cron;
        this.zone = zone;
        this.cron = parse(cron, zone);
    }

    /** The first fire time strictly after {@code after}, or null when the cron never fires again. */
    public Instant next(Instant after) {
        Date plain = cron.getNextValidTimeAfter(Date.from(after));
        Instant next = plain == null ? null : plain.toInstant();
        ZoneOffsetTransition t = zone.getRules().nextTransition(after);
        while (t != null && (next == null || t.getInstant().isBefore(next))) {
            if (t.isGap()) {
                // the gap's local times read in the offset before it, i.e. shifted forward by the gap's length
                CronExpression before = parse(expression, t.getOffsetBefore());
                Instant from = after.isAfter(t.getInstant()) ? after : t.getInstant().minusMillis(1);
                Date inGap = before.getNextValidTimeAfter(Date.from(from));
                if (inGap != null && inGap.toInstant().isBefore(t.getInstant().plus(t.getDuration()))
                        && (next == null || inGap.toInstant().isBefore(next))) {
                    next = inGap.toInstant();
                }
            }
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return next;
    }

    /** The fire times after the clock's now and up to {@code until}, in order. */
    public List<Instant> between(Clock clock, Instant until) {
        List<Instant> times = new ArrayList<>();
        Instant next = next(clock.instant());
        while (next != null && !next.isAfter(until)) {
            times.add(next);
            next = next(next);
        }
        return List.copyOf(times);
    }

    private static CronExpression parse(String cron, ZoneId zone) {
        try {
            CronExpression parsed = new CronExpression(cron);
            parsed.setTimeZone(TimeZone.getTimeZone(zone instanceof ZoneOffset o ? ZoneId.of("GMT" + o.getId()) : zone));
            return parsed;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron: " + cron, e);
        }
    }
}
