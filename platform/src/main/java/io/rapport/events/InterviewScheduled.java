package io.rapport.events;

import io.rapport.events.Events.Format;
import java.time.Instant;

/** A slot was agreed: the interview is on the calendar. */
public record InterviewScheduled(
        String interviewId,
        String contactId,
        Instant start,
        int minutes,
        Format format,
        String memberTimeZone,
        String contactTimeZone) implements DomainEvent {

    @Override
    public String subject() {
        return interviewId;
    }
}
