package io.rapport.events;

import java.time.Instant;

/**
 * Rapport stopped reading the member's mailbox after repeated failures to sign in: {@code reason} says so in plain
 * words (never a credential); the member reconnects it to resume.
 */
public record MailboxPaused(
        String mailboxId,
        String reason,
        Instant pausedAt) implements DomainEvent {

    @Override
    public String subject() {
        return mailboxId;
    }
}
