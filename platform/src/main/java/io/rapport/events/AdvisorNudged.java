package io.rapport.events;

import java.time.Instant;

/** An advisor the member shares with sent the member a nudge ("try a second contact at Northwind"). */
public record AdvisorNudged(
        String nudgeId,
        String advisorId,
        String text,
        Instant sentAt) implements DomainEvent {

    @Override
    public String subject() {
        return nudgeId;
    }
}
