package io.rapport.events;

import java.time.Instant;

/** The member disconnected their mailbox: its credentials are deleted and nothing more is read. */
public record MailboxDisconnected(
        String mailboxId,
        Instant disconnectedAt) implements DomainEvent {

    @Override
    public String subject() {
        return mailboxId;
    }
}
