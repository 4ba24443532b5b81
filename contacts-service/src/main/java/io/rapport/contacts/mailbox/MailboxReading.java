package io.rapport.contacts.mailbox;

import java.util.List;

/**
 * One look into a mailbox: the headers of new messages received (INBOX) and sent (the Sent folder, when there is
 * one), and how far each folder has now been read. {@code more} is true when a folder had more new messages than
 * one look reads.
 */
public record MailboxReading(List<MailHeader> received, List<MailHeader> sent, FolderCursor inbox, FolderCursor sentFolder,
        boolean more) {

    public MailboxReading {
        received = List.copyOf(received);
        sent = List.copyOf(sent);
    }
}
