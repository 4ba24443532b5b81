package io.rapport.events;

import java.time.Instant;

/** The member logged a touch with a contact (email, call, meeting, coffee, social, article shared). */
public record ContactTouched(String contactId, String kind, String note, Instant touchedAt) implements DomainEvent {

    @Override
    public String subject() {
        return contactId;
    }
}
