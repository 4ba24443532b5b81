package io.rapport.events;

import java.time.Instant;

/**
 * The member sent an outreach message to a contact (from their own mail or LinkedIn).
 *
 * @param industry the contact's industry, or else its linked target employer's; null when neither is known (and
 *     from producers before it)
 */
public record OutreachSent(
        String outreachId,
        String contactId,
        String employer,
        String channel,
        String memberTimeZone,
        Instant sentAt,
        String industry) implements DomainEvent {

    @Override
    public String subject() {
        return outreachId;
    }
}
