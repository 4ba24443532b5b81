package io.rapport.events;

import java.time.Instant;

/** A member added a contact to their network. Carries the contact as it now stands. */
public record ContactAdded(
        String contactId,
        String name,
        String email,
        String employer,
        String role,
        String source,
        String timeZone,
        String referredByContactId,
        Instant addedAt) implements DomainEvent {

    @Override
    public String subject() {
        return contactId;
    }
}
