package io.rapport.contacts.mailbox;

import java.time.Instant;

/** Reads message headers from a mailbox (the IMAP adapter), never bodies. */
public interface MailboxReader {

    /**
     * The headers of messages after the cursors; a folder without a cursor (never read, or rebuilt) is read from
     * messages received on or after {@code since}. At most {@code max} messages per folder.
     *
     * @param server with the unsealed password
     * @throws MailboxReadFailure when the server cannot be reached or refuses to sign in
     */
    MailboxReading read(MailboxServer server, FolderCursor inbox, FolderCursor sent, Instant since, int max);
}
