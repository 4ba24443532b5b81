package io.rapport.contacts.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * The only things Rapport reads of a message: the addresses it came from and went to, its date, its Message-ID and
 * the Message-ID it answers. Never its subject or body. Addresses are lower case.
 *
 * @param date the Date header, or null when it is missing or unreadable
 */
public record MailHeader(String messageId, List<String> from, List<String> to, Instant date, String inReplyTo) {

    public MailHeader {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
