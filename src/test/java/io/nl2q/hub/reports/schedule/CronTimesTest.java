package io.nl2q.hub.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cron schedules in New York across both DST changes of 2026 (8 March, 1 November), fired as the job does: each
 * firing at the time the last one gave, on a clock that moves to it. No run is lost or doubled.
 */
class CronTimesTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Fires from {@code from} to {@code until} as the scheduler does, the clock moving to each firing. */
    private static List<Instant> fire(String cron, String from, String until) {
        CronTimes times = new CronTimes(cron, NEW_YORK);
        Clock clock = Clock.fixed(Instant.parse(from), ZoneOffset.UTC);
        List<Instant> fired = new ArrayList<>();
        Instant next = times.next(clock.instant());
        while (next != null && next.isBefore(Instant.parse(until))) {
            fired.add(next);
            clock = Clock.fixed(next, ZoneOffset.UTC);
            next = times.next(clock.instant());
        }
        return fired;
    }

    private static List<LocalDate> days(List<Instant> fired) {
        return fired.stream().map(i -> i.atZone(NEW_YORK).toLocalDate()).toList();
    }

    @Test
    void mondaySevenInTheMorningStaysSevenInNewYorkAcrossTheSpringChange() {
        List<Instant> fired = fire("0 0 7 ? * MON", "2026-02-25T00:00:00Z", "2026-03-24T00:00:00Z");
        assertThat(fired).containsExactly(Instant.parse("2026-03-02T12:00:00Z"), // EST, UTC-5
                Instant.parse("2026-03-09T11:00:00Z"), Instant.parse("2026-03-16T11:00:00Z"), // EDT, UTC-4
                Instant.parse("2026-03-23T11:00:00Z"));
        assertThat(fired).allMatch(i -> i.atZone(NEW_YORK).toLocalTime().equals(LocalTime.of(7, 0)));
    }

    @Test
    void aDailyRunInTheSpringGapIsShiftedNotLost() {
        List<Instant> fired = fire("0 30 2 * * ?", "2026-03-06T00:00:00Z", "2026-03-11T00:00:00Z");
        assertThat(days(fired)).containsExactly(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 7),
                LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10));
        // 02:30 does not exist on 8 March: it runs at 03:30 EDT, the same instant as 02:30 EST would have been
        assertThat(fired.get(2)).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(fired.get(3).atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void aDailyRunInTheAutumnOverlapRunsOnce() {
        List<Instant> fired = fire("0 30 1 * * ?", "2026-10-30T00:00:00Z", "2026-11-04T00:00:00Z");
        assertThat(days(fired)).containsExactly(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
        assertThat(fired).allMatch(i -> i.atZone(NEW_YORK).toLocalTime().equals(LocalTime.of(1, 30)));
    }

    @Test
    void anHourlyRunHasOneRunPerWallClockHourOnBothChangeDays() {
        List<Instant> spring = fire("0 0 * * * ?", "2026-03-08T04:59:59Z", "2026-03-08T09:00:00Z");
        // 00:00 EST, 01:00 EST, then 03:00 EDT (02:00 does not exist: it is the same instant), 04:00 EDT
        assertThat(spring).containsExactly(Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-08T08:00:00Z"));
        List<Instant> autumn = fire("0 0 * * * ?", "2026-11-01T03:30:00Z", "2026-11-01T09:30:00Z");
        List<LocalTime> hours = autumn.stream().map(i -> i.atZone(NEW_YORK).toLocalTime()).toList();
        assertThat(hours).doesNotHaveDuplicates();
        assertThat(hours).contains(LocalTime.of(0, 0), LocalTime.of(1, 0), LocalTime.of(2, 0), LocalTime.of(3, 0));
    }

    @Test
    void betweenListsTheNextRunsFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-07T12:00:00Z"), ZoneOffset.UTC);
        assertThat(new CronTimes("0 30 2 * * ?", NEW_YORK).between(clock, Instant.parse("2026-03-10T00:00:00Z")))
                .containsExactly(Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
    }
}
