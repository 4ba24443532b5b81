package io.rapport.contacts.mailbox;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.OutreachAttempt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a message's headers mean for the member's outreach, given the member's own contacts (looked up by e-mail
 * address). Only the member's contacts count: a message from or to anyone else means nothing.
 */
public final class MessageMatcher {

    /** A message sent this close to a logged outreach is that outreach (logged by hand a little before or after). */
    static final Duration SAME_OUTREACH = Duration.ofDays(1);
    /** A Date header names whole seconds; the outreach's time is to the millisecond. */
    static final Duration DATE_PRECISION = Duration.ofSeconds(1);

    private MessageMatcher() {
    }

    /** A received message from a contact who has an outreach waiting for an answer, sent before the message. */
    public record Reply(String messageKey, Contact contact, OutreachAttempt outreach, Instant at) {
    }

    /** A message the member sent to a contact while no outreach to them is logged around that time. */
    public record Suggestion(String messageKey, Contact contact, Instant at) {
    }

    /**
     * @param ownAddress the member's own address (the mailbox user, lower case), never a contact's reply
     * @param now used for a message without a date, and as the latest possible reply time
     */
    public static Optional<Reply> reply(MailHeader received, String ownAddress,
            Function<String, Optional<Contact>> contactByEmail, Instant now) {
        Instant at = at(received, now);
        // A reply dated in the very second the outreach was logged (an auto-reply, or the member logging it late) was
        // written after it: the header's second ends up to a second after the instant it names.
        Instant latest = at.plus(DATE_PRECISION).minusNanos(1);
        latest = latest.isAfter(now) ? now : latest;
        for (String from : received.from()) {
            if (from.equals(ownAddress)) {
                continue;
            }
            Optional<Contact> contact = contactByEmail.apply(from);
            if (contact.isEmpty()) {
                continue;
            }
            Optional<OutreachAttempt> waiting = contact.get().awaitingAnswerAt(latest);
            if (waiting.isPresent()) {
                // never answered before it was sent (the latency would be negative)
                Instant answeredAt = at.isBefore(waiting.get().sentAt()) ? waiting.get().sentAt() : at;
                return Optional.of(new Reply(key(received), contact.get(), waiting.get(), answeredAt));
            }
        }
        return Optional.empty();
    }

    /**
     * One suggestion per contact the member wrote to without a logged outreach. An answer in a conversation
     * (In-Reply-To set) is not a new outreach, nor is a message to an archived contact.
     */
    public static List<Suggestion> suggestions(MailHeader sent, String ownAddress,
            Function<String, Optional<Contact>> contactByEmail, Instant now) {
        if (sent.inReplyTo() != null) {
            return List.of();
        }
        Instant at = at(sent, now);
        List<Suggestion> suggestions = new ArrayList<>();
        for (String to : new LinkedHashSet<>(sent.to())) {
            if (to.equals(ownAddress)) {
                continue;
            }
            contactByEmail.apply(to)
                    .filter(contact -> !contact.isArchived())
                    .filter(contact -> contact.outreach().stream().noneMatch(attempt ->
                            Duration.between(attempt.sentAt(), at).abs().compareTo(SAME_OUTREACH) <= 0))
                    .ifPresent(contact -> suggestions.add(new Suggestion(key(sent) + "-" + contact.id(), contact, at)));
        }
        return suggestions;
    }

    /**
     * The message's identity for idempotence: its Message-ID (hashed: the id itself names the sender's host), or,
     * for the rare message without one, its sender and date.
     */
    public static String key(MailHeader header) {
        String identity = header.messageId() != null ? header.messageId().strip().toLowerCase(Locale.ROOT)
                : String.join(",", header.from()) + "|" + header.date();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "mail-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant at(MailHeader header, Instant now) {
        return header.date() == null || header.date().isAfter(now) ? now : header.date();
    }
}
