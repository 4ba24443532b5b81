package io.rapport.events;

import java.time.Instant;
import java.util.List;

/**
 * A contact's details changed. Carries the whole contact as it now stands and the fields that changed.
 *
 * @param linkedInUrl the contact's LinkedIn profile URL as the member wrote it; null when none (and from producers
 *     before it)
 */
public record ContactUpdated(
        String contactId,
        String name,
        String email,
        String employer,
        String role,
        String source,
        String timeZone,
        String stage,
        List<String> changedFields,
        Instant updatedAt,
        String linkedInUrl) implements DomainEvent {

    public ContactUpdated {
        changedFields = Events.copy(changedFields);
    }

    @Override
    public String subject() {
        return contactId;
    }
}
