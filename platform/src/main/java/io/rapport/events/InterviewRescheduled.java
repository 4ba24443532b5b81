package io.rapport.events;

import io.rapport.events.Events.Format;
import java.time.Instant;

/** A scheduled or confirmed interview moved to a new slot. */
public record InterviewRescheduled(
        String interviewId,
        String contactId,
        Instant previousStart,
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
