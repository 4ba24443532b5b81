package io.rapport.launcher.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How to make reminders fall due at a chosen minute through the public API alone. reminders-service plans
 * {@code WRITE_TO_SECOND_CONTACT} for an {@code OutreachSent} "the member's morning 3 business days after it
 * was sent", in the member's zone; the member chooses the zone and the morning to the minute
 * ({@code PUT /api/preferences}), and an outreach may be recorded as sent earlier ({@code sentAt}). So: a zone
 * where the chosen minute falls on a business day (Monday to Friday; the members have no holidays), the
 * morning set to that local time, and outreach sent at noon three business days before.
 *
 * @param zone        an IANA zone without daylight saving ({@code Etc/GMT-3} is UTC+3)
 * @param morningHour the member's morning, "HH:mm"
 * @param sentAt      when the outreach is recorded as sent
 * @param dueAt       the chosen minute, which is when every such reminder falls due
 */
public record DueMinute(String zone, String morningHour, Instant sentAt, Instant dueAt) {

    /** Empty when no zone from UTC-12 to UTC+14 has a business day at that minute (Saturday noon to Sunday 10:00 UTC). */
    public static Optional<DueMinute> at(Instant wanted) {
        Instant due = wanted.truncatedTo(ChronoUnit.MINUTES);
        for (int offset : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -1, -2, -3, -4, -5, -6, -7,
                -8, -9, -10, -11, -12}) {
            // Etc/GMT names have the POSIX sign: Etc/GMT-3 is three hours ahead of UTC.
            String name = offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
            ZoneId zone = ZoneId.of(name);
            ZonedDateTime local = due.atZone(zone);
            if (isBusinessDay(local.toLocalDate())) {
                LocalDate sentDay = businessDaysBefore(local.toLocalDate(), 3);
                Instant sentAt = ZonedDateTime.of(sentDay, LocalTime.NOON, zone).toInstant();
                String morning = String.format("%02d:%02d", local.getHour(), local.getMinute());
                return Optional.of(new DueMinute(name, morning, sentAt, due));
            }
        }
        return Optional.empty();
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day from which counting {@code days} business days forward lands on {@code day}. */
    static LocalDate businessDaysBefore(LocalDate day, int days) {
        LocalDate from = day;
        for (int counted = 0; counted < days; ) {
            from = from.minusDays(1);
            if (isBusinessDay(from)) {
                counted++;
            }
        }
        return from;
    }
}
