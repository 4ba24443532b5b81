package io.rapport.events;

import java.time.Instant;

/**
 * The member's mailbox shows a message the member sent to one of their contacts while no outreach to that contact
 * is logged: a suggestion to log it, never a record of its own. {@code suggestionId} is derived from the message's
 * Message-ID, so the same message suggests once.
 */
public record OutreachSuggested(
        String suggestionId,
        String contactId,
        String employer,
        Instant sentAt) implements DomainEvent {

    @Override
    public String subject() {
        return suggestionId;
    }
}
