package io.rapport.events;

import java.time.Instant;

/**
 * The member connected a mailbox (IMAP, read-only): Rapport may now read the headers of messages exchanged with
 * the member's contacts. No credential and no server name is in the event, only that the member consented.
 */
public record MailboxConnected(
        String mailboxId,
        Instant connectedAt) implements DomainEvent {

    @Override
    public String subject() {
        return mailboxId;
    }
}
