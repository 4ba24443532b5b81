package io.rapport.contacts.mailbox;

import java.time.Instant;

/**
 * What the member may see and export of their mailbox connection: never the password or OAuth2 token, sealed or not.
 *
 * @param auth how Rapport signs in (PASSWORD or OAUTH2)
 */
public record MailboxConnection(String mailboxId, MailboxState state, String host, int port, boolean tls, String user,
        Instant connectedAt, Instant lastCheckedAt, String lastError, MailboxAuth auth) {

    /** @param mailbox connected or paused (a disconnected one has no server left to show) */
    public static MailboxConnection of(Mailbox mailbox) {
        return new MailboxConnection(mailbox.id(), mailbox.state(), mailbox.server().host(), mailbox.server().port(),
                mailbox.server().tls(), mailbox.server().user(), mailbox.connectedAt(), mailbox.lastCheckedAt(),
                mailbox.lastError(), mailbox.server().auth());
    }
}
