package io.rapport.reminders.preferences;

import java.time.LocalTime;

/**
 * Hours of the member's day when no reminder is delivered, in the member's time zone. May run past
 * midnight (22:00 to 07:00). The start is inside, the end outside.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
