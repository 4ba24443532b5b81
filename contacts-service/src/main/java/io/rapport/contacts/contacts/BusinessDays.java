package io.rapport.contacts.contacts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business days are Monday to Friday in the member's time zone (public holidays are not known to
 * Rapport). A reply on the day of sending took 0 business days; sent Friday, answered Monday: 1.
 */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** The number of business days after the day of {@code from} up to and including the day of {@code to}. */
    public static int between(Instant from, Instant to, ZoneId zone) {
        LocalDate start = from.atZone(zone).toLocalDate();
        LocalDate end = to.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
