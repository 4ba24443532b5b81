package io.rapport.events;

import java.time.Instant;

/**
 * A member added a contact to their network. Carries the contact as it now stands.
 *
 * @param linkedInUrl the contact's LinkedIn profile URL as the member wrote it; null when none (and from producers
 *     before it)
 */
public record ContactAdded(
        String contactId,
        String name,
        String email,
        String employer,
        String role,
        String source,
        String timeZone,
        String referredByContactId,
        Instant addedAt,
        String linkedInUrl) implements DomainEvent {

    @Override
    public String subject() {
        return contactId;
    }
}
