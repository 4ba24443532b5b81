package io.rapport.events;

import java.time.Instant;

/** A contact was archived: no more outreach, interviews or reminders for them. */
public record ContactArchived(String contactId, String reason, Instant archivedAt) implements DomainEvent {

    @Override
    public String subject() {
        return contactId;
    }
}
