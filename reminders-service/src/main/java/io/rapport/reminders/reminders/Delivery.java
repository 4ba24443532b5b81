package io.rapport.reminders.reminders;

import io.rapport.events.ReminderDue;
import java.time.Instant;

/** A claimed reminder that went out: it becomes DELIVERED and emits its ReminderDue in one write. */
public record Delivery(Reminder reminder, Instant deliveredAt, boolean late, boolean digestPending) {

    public ReminderDue event() {
        return new ReminderDue(reminder.id(), reminder.rule().name(), reminder.subjectId(), reminder.title(),
                reminder.dueAt(), deliveredAt, late);
    }
}
