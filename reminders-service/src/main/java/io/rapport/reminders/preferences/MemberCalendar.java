package io.rapport.reminders.preferences;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The member's working calendar: business days (no weekends, no listed holidays), "first thing in
 * the morning" and quiet hours, all in the member's time zone, so a reminder computed for a
 * member in Tokyo lands on a Tokyo morning whatever zone the contact is in.
 */
public record MemberCalendar(ZoneId zone, LocalTime morning, Set<LocalDate> holidays, QuietHours quietHours) {

    public MemberCalendar {
        holidays = Set.copyOf(holidays);
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** {@code days} business days after the day {@code from} falls on, in the morning. */
    public Instant morningAfterBusinessDays(Instant from, int days) {
        LocalDate day = dayOf(from);
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return morningOf(day);
    }

    /** {@code days} business days before the day {@code at} falls on, in the morning. */
    public Instant morningBeforeBusinessDays(Instant at, int days) {
        LocalDate day = dayOf(at);
        for (int counted = 0; counted < days; ) {
            day = day.minusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return morningOf(day);
    }

    /** The morning {@code days} calendar days after {@code from}, moved on to the next business day. */
    public Instant morningAfterDays(Instant from, int days) {
        return morningOf(nextBusinessDay(dayOf(from).plusDays(days)));
    }

    /** The morning {@code days} calendar days before {@code at}, moved back to the previous business day. */
    public Instant morningBeforeDays(Instant at, int days) {
        LocalDate day = dayOf(at).minusDays(days);
        while (!isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        return morningOf(day);
    }

    /** The morning of {@code day}, moved on to the next business day. */
    public Instant morningOn(LocalDate day) {
        return morningOf(nextBusinessDay(day));
    }

    /** The morning of {@code day}, moved back to the previous business day. */
    public Instant morningOnOrBefore(LocalDate day) {
        LocalDate business = day;
        while (!isBusinessDay(business)) {
            business = business.minusDays(1);
        }
        return morningOf(business);
    }

    /**
     * {@code at}, or the end of the quiet hours when it falls inside them. A reminder that is useless
     * later (leave now) moves {@code earlier}, to just before the quiet hours begin.
     */
    public Instant outsideQuietHours(Instant at, boolean earlier) {
        if (quietHours == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        if (!quietHours.contains(local.toLocalTime())) {
            return at;
        }
        LocalDate day = local.toLocalDate();
        if (earlier) {
            LocalDate startDay = quietHours.start().isAfter(local.toLocalTime()) ? day.minusDays(1) : day;
            return ZonedDateTime.of(startDay, quietHours.start(), zone).minusMinutes(1).toInstant();
        }
        LocalDate endDay = quietHours.end().isAfter(local.toLocalTime()) ? day : day.plusDays(1);
        return ZonedDateTime.of(LocalDateTime.of(endDay, quietHours.end()), zone).toInstant();
    }

    private LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day;
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private Instant morningOf(LocalDate day) {
        // A morning hour skipped by a DST change (02:30 on the spring-forward day) resolves to the hour after.
        return outsideQuietHours(ZonedDateTime.of(day, morning, zone).toInstant(), false);
    }
}
