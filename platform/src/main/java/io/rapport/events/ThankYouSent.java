package io.rapport.events;

import java.time.Instant;

/** The member sent the thank-you for an interview; {@code late} when more than 48 hours after it. */
public record ThankYouSent(
        String interviewId,
        String contactId,
        String channel,
        Instant sentAt,
        int hoursSinceInterview,
        boolean late) implements DomainEvent {

    @Override
    public String subject() {
        return interviewId;
    }
}
