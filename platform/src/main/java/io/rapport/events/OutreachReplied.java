package io.rapport.events;

import java.time.Instant;

/**
 * A contact answered an outreach: {@code outcome} is REPLIED or DECLINED. Any reply at an employer
 * stops that employer's follow-up timers. {@code source} (optional, added in schema version 1) says how
 * Rapport learned of it: MEMBER (told through the API), INTERVIEW (an interview was agreed) or MAILBOX
 * (the reply's headers were seen in the member's connected mailbox); null from producers before it.
 */
public record OutreachReplied(
        String outreachId,
        String contactId,
        String employer,
        String outcome,
        int latencyBusinessDays,
        Instant repliedAt,
        String source) implements DomainEvent {

    /** How the reply became known: the member said so. */
    public static final String BY_MEMBER = "MEMBER";
    /** An interview agreed with the contact counts as their answer. */
    public static final String BY_INTERVIEW = "INTERVIEW";
    /** The reply was seen in the member's connected mailbox (its headers only). */
    public static final String BY_MAILBOX = "MAILBOX";

    /** Without a source, as before the field existed. */
    public OutreachReplied(String outreachId, String contactId, String employer, String outcome,
            int latencyBusinessDays, Instant repliedAt) {
        this(outreachId, contactId, employer, outcome, latencyBusinessDays, repliedAt, null);
    }

    @Override
    public String subject() {
        return outreachId;
    }
}
