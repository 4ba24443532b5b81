package io.rapport.events;

import java.time.Instant;

/**
 * The conversation took place. Notes become possible, and the thank-you clock starts at
 * {@code endedAt}. Overruns are recorded, not hidden.
 */
public record InterviewHeld(
        String interviewId,
        String contactId,
        Instant start,
        int plannedMinutes,
        int actualMinutes,
        boolean overran,
        Instant endedAt) implements DomainEvent {

    @Override
    public String subject() {
        return interviewId;
    }
}
