package io.rapport.events;

import java.time.Instant;

/** A reminder fell due and was delivered to the member; {@code late} when delivered after downtime. */
public record ReminderDue(
        String reminderId,
        String rule,
        String subjectId,
        String title,
        Instant dueAt,
        Instant deliveredAt,
        boolean late) implements DomainEvent {

    @Override
    public String subject() {
        return reminderId;
    }
}
