package io.rapport.insights.activity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Monday to Friday in the member's zone (the zone their outreach events carry; UTC when unknown). */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** Whole business days from {@code from} to {@code to}: sent Friday, looked at Monday, is 1. */
    public static int between(Instant from, Instant to, String zone) {
        ZoneId id = zoneOf(zone);
        LocalDate day = from.atZone(id).toLocalDate();
        LocalDate end = to.atZone(id).toLocalDate();
        int days = 0;
        while (day.isBefore(end)) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    static ZoneId zoneOf(String zone) {
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (RuntimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
