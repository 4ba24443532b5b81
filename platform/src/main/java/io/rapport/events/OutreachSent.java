package io.rapport.events;

import java.time.Instant;

/** The member sent an outreach message to a contact (from their own mail or LinkedIn). */
public record OutreachSent(
        String outreachId,
        String contactId,
        String employer,
        String channel,
        String memberTimeZone,
        Instant sentAt) implements DomainEvent {

    @Override
    public String subject() {
        return outreachId;
    }
}
