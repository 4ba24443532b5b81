package io.rapport.reminders.reminders;

import java.util.EnumSet;
import java.util.Set;

public enum ReminderStatus {
    /** Waiting for its due time (again, after a snooze or a reschedule). */
    SCHEDULED,
    /** Delivered, in the inbox until the member acts on it. */
    DELIVERED,
    /** The member did it. */
    DONE,
    /** The member dismissed it. */
    DISMISSED,
    /** A later event made it pointless (a reply, a cancelled interview). */
    CANCELLED,
    /** A later event showed it was done (interview confirmed, thank-you sent, action item completed). */
    CLOSED;

    public static final Set<ReminderStatus> OPEN = EnumSet.of(SCHEDULED, DELIVERED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
