package io.rapport.events;

import java.time.Instant;

/** The member confirmed the interview with the contact, usually a day or two before. */
public record InterviewConfirmed(String interviewId, String contactId, Instant start) implements DomainEvent {

    @Override
    public String subject() {
        return interviewId;
    }
}
