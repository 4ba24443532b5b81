package io.rapport.events;

import java.time.Instant;

/** The interview did not take place: one side did not show up. */
public record InterviewNoShow(String interviewId, String contactId, Instant start) implements DomainEvent {

    @Override
    public String subject() {
        return interviewId;
    }
}
