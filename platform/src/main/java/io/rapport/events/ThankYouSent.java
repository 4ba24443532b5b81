package io.rapport.events;

import java.time.Instant;

/**
 * The member sent the thank-you for an interview; {@code late} when more than 48 hours after it.
 *
 * @param advice the advice the member noted from the interview, when they noted any (optional, added in schema
 *     version 1: readers that do not know it ignore it), so the "tell them what you did with their advice"
 *     reminder can quote it
 */
public record ThankYouSent(
        String interviewId,
        String contactId,
        String channel,
        Instant sentAt,
        int hoursSinceInterview,
        boolean late,
        String advice) implements DomainEvent {

    /** Without advice noted. */
    public ThankYouSent(String interviewId, String contactId, String channel, Instant sentAt, int hoursSinceInterview,
            boolean late) {
        this(interviewId, contactId, channel, sentAt, hoursSinceInterview, late, null);
    }

    @Override
    public String subject() {
        return interviewId;
    }
}
