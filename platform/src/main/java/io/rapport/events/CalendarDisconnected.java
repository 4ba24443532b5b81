package io.rapport.events;

import java.time.Instant;

/** A member disconnected their CalDAV calendar: its credentials were deleted when this was stored. */
public record CalendarDisconnected(Instant disconnectedAt) implements DomainEvent {

    @Override
    public String subject() {
        return CalendarConnected.SUBJECT;
    }
}
