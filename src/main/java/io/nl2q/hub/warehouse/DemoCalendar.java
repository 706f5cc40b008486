package io.nl2q.hub.warehouse;

import java.time.LocalDate;

/** The demo's 156 Friday week endings, 2023-01-06 .. 2025-12-26; the last one is the data's as-of date. */
final class DemoCalendar {
    static final LocalDate FIRST_WEEK = LocalDate.of(2023, 1, 6);
    static final int WEEKS = 156;
    static final LocalDate AS_OF = FIRST_WEEK.plusWeeks(WEEKS - 1);

    private DemoCalendar() {
    }

    static LocalDate weekEnding(int week) {
        return FIRST_WEEK.plusWeeks(week);
    }

    /** Winter a little higher for thyroid visits, summer higher for sports injuries, a dip over the holidays. */
    static double seasonality(int week, boolean hypothyroidism) {
        LocalDate date = weekEnding(week);
        double angle = 2 * StrictMath.PI * (date.getDayOfYear() - 15) / 365.0;
        double season = hypothyroidism ? 1 + 0.04 * StrictMath.cos(angle) : 1 - 0.08 * StrictMath.cos(angle);
        boolean holidays = (date.getMonthValue() == 12 && date.getDayOfMonth() >= 24) || date.getDayOfYear() <= 2;
        return holidays ? season * 0.85 : season;
    }
}
